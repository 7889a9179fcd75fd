package dev.opsh.transcript;

import java.time.Instant;

/**
 * One transcript line as read back: its envelope (sequence number, milliseconds since the start,
 * wall-clock time, hash of the previous line) and its event.
 */
public record Entry(long seq, long t, Instant at, String prev, TranscriptEvent event) {}
