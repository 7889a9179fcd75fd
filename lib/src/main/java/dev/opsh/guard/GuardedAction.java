package dev.opsh.guard;

import dev.opsh.dsl.Effect;
import dev.opsh.engine.VerbCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mutation about to happen, as the guard previews and authorizes it. Its effect is not chosen by
 * the caller: {@link Builder#build} reads it from the verb's {@code @Verb} declaration through the
 * {@link VerbCatalog}, the same declaration help and the transcript read.
 *
 * @param command the exact command or statement that will run, parameters included
 * @param impact what breaks, from the inventory's {@code impact:} notes of each service touched
 * @param messagesLost for a purge, how many messages will be lost; null otherwise
 * @param notes further facts the operator should read first, such as the keys a flush will delete
 * @param subject what the action acts on, such as a queue's name; it names the action in the phrase
 * @param restoring whether the action brings services back rather than taking them down; restoring
 *     chaos skips the backup-freshness pre-flight, so a stale backup never keeps a service down
 */
public record GuardedAction(String verb, Effect effect, List<GuardTarget> targets, String command, List<String> impact,
        Long messagesLost, List<String> notes, String subject, boolean restoring) {

    /** What the operator types before any chaos on a protected inventory. */
    public static final String CHAOS_PHRASE = "KILL-PROD";

    public GuardedAction {
        targets = List.copyOf(targets);
        impact = List.copyOf(impact);
        notes = List.copyOf(notes);
    }

    /**
     * What the operator types on a protected inventory: {@value #CHAOS_PHRASE} for chaos, else the verb
     * and its subject, such as {@code purge transcode_jobs}.
     */
    public String phrase() {
        if (effect == Effect.CHAOS) {
            return CHAOS_PHRASE;
        }
        return subject == null ? verb : verb + " " + subject;
    }

    /** Starts describing a mutation by {@code verb}, the name the operator typed. */
    public static Builder of(String verb) {
        return new Builder(verb);
    }

    /** Builds a {@link GuardedAction}; everything but the verb and the command is optional. */
    public static final class Builder {
        private final String verb;
        private final List<GuardTarget> targets = new ArrayList<>();
        private final List<String> impact = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String command;
        private Long messagesLost;
        private String subject;
        private boolean restoring;

        private Builder(String verb) {
            this.verb = verb;
        }

        public Builder target(GuardTarget target) {
            targets.add(target);
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        /** An impact note of a service; blank notes are skipped. */
        public Builder impact(String service, String note) {
            if (note != null && !note.isBlank()) {
                impact.add(service + ": " + note.strip());
            }
            return this;
        }

        public Builder messagesLost(long count) {
            this.messagesLost = count;
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /** What the action acts on; see {@link GuardedAction#phrase()}. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder restoring() {
            this.restoring = true;
            return this;
        }

        public GuardedAction build() {
            Effect effect = VerbCatalog.effectOf(verb).orElseThrow(() ->
                    new IllegalStateException("'" + verb + "' is guarded but not declared with @Verb"));
            if (effect == Effect.READ) {
                throw new IllegalStateException("'" + verb + "' is declared READ; only MUTATE and CHAOS verbs are guarded");
            }
            Objects.requireNonNull(command, "command");
            return new GuardedAction(verb, effect, targets, command, impact, messagesLost, notes, subject, restoring);
        }
    }
}
