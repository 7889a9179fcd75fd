package dev.opsh.repl;

/** How results are printed: for a person, or as JSON for scripts. */
public enum OutputMode {
    TEXT, JSON
}
