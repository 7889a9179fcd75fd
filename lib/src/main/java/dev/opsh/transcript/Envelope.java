package dev.opsh.transcript;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The top-level scalar fields of a line that the verifier and reader need, read without building
 * the event: its type, sequence number, times and {@code prev}, and for a header its format and version.
 */
record Envelope(String type, long seq, long t, String at, String prev, String format, int version) {

    /** Collects the fields as a parser meets them; fields of other names are ignored. */
    static final class Builder {
        private String type = "";
        private long seq = -1;
        private long t;
        private String at = "";
        private String prev = "";
        private String format = "";
        private int version = -1;

        void field(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "type" -> type = parser.getValueAsString("");
                case "seq" -> seq = parser.currentToken().isNumeric() ? parser.getValueAsLong(-1) : -1;
                case "t" -> t = parser.getValueAsLong(0);
                case "at" -> at = parser.getValueAsString("");
                case "prev" -> prev = parser.getValueAsString("");
                case "format" -> format = parser.getValueAsString("");
                case "version" -> version = parser.getValueAsInt(-1);
                default -> { }
            }
        }

        Envelope build() {
            return new Envelope(type, seq, t, at, prev, format, version);
        }
    }
}
