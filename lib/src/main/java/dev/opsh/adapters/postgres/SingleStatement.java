package dev.opsh.adapters.postgres;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Refuses query text holding more than one statement. A second statement could end the read-only
 * transaction ({@code commit; delete ...}), so {@code sql()} runs exactly one. Splitting uses the
 * driver's own parser, which knows quotes, dollar quotes and comments.
 */
final class SingleStatement {
    private SingleStatement() {}

    static void check(String query) {
        check(query, "sql()");
    }

    /** @param verb the verb named in the messages, such as {@code sqlWrite()} */
    static void check(String query, String verb) {
        List<NativeQuery> statements;
        try {
            statements = Parser.parseJdbcSql(query, true, true, true, false, false);
        } catch (SQLException e) {
            throw new OpshException(ExitCode.FAILURE, verb + " cannot parse the query: " + e.getMessage(), e);
        }
        long count = statements.stream().filter(s -> !s.nativeSql.isBlank()).count();
        if (count == 0) {
            throw new OpshException(ExitCode.FAILURE, verb + " needs a query; the text is empty");
        }
        if (count > 1) {
            throw new OpshException(ExitCode.FAILURE, verb + " runs one statement per call; this text has " + count
                    + " (split it into several " + verb + " calls)");
        }
    }
}
