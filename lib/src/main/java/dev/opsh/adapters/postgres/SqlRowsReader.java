package dev.opsh.adapters.postgres;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a result set into {@link SqlRows}, keeping at most a given number of rows. */
final class SqlRowsReader {
    private SqlRowsReader() {}

    static SqlRows read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = List.copyOf(uniqueNames(meta));
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            Object[] values = new Object[n];
            for (int i = 1; i <= n; i++) {
                values[i - 1] = SqlValues.read(rs, i, meta.getColumnTypeName(i));
            }
            rows.add(new Row(columns, values));
        }
        return new SqlRows(columns, Collections.unmodifiableList(rows), truncated);
    }

    /** Column labels, with {@code _2}, {@code _3} appended to repeats so that every row key is distinct. */
    static List<String> uniqueNames(ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return uniqueNames(labels);
    }

    static List<String> uniqueNames(List<String> labels) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String label : labels) {
            String name = label;
            for (int k = 2; !seen.add(name); k++) {
                name = label + "_" + k;
            }
            names.add(name);
        }
        return names;
    }
}
