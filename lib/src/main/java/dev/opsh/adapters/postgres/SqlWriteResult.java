package dev.opsh.adapters.postgres;

/**
 * What one {@code sqlWrite()} statement did.
 *
 * @param rowsAffected the update count the server reported (-1 for statements without one)
 * @param returned the rows of a {@code RETURNING} clause, or empty
 */
public record SqlWriteResult(long rowsAffected, SqlRows returned) {
}
