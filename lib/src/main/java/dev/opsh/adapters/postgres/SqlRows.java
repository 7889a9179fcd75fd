package dev.opsh.adapters.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of one {@code sql()} call. Each row is a map from column name to value, in column
 * order, so that Groovy can filter by name: {@code sql('select ...').rows.findAll { it.status == 'uploading' }}.
 * A column name that repeats gets a suffix ({@code id}, {@code id_2}).
 *
 * @param truncated whether more rows matched than were kept ({@link PostgresClient#MAX_ROWS})
 */
public record SqlRows(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {

    public int size() {
        return rows.size();
    }

    /** The values of one column, top to bottom. */
    public List<Object> column(String name) {
        if (!columns.contains(name)) {
            throw new dev.opsh.UnknownNameException("column", name, columns);
        }
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.get(name)));
        return values;
    }
}
