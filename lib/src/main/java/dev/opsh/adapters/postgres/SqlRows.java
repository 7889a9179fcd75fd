package dev.opsh.adapters.postgres;

import dev.opsh.UnknownNameException;
import dev.opsh.dsl.Tabular;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one {@code sql()} call, drawn as a table. Each row is a {@link Row}: its values in
 * column order, readable by column name, so that Groovy can filter by name:
 * {@code sql('select ...').rows.findAll { it.status == 'uploading' }}. A column name that repeats
 * gets a suffix ({@code id}, {@code id_2}).
 *
 * @param rows {@link Row}s, typed as lists as {@link Tabular} wants
 * @param truncated whether more rows matched than were kept ({@link PostgresClient#MAX_ROWS})
 */
public record SqlRows(List<String> columns, List<List<Object>> rows, boolean truncated) implements Tabular {

    public int size() {
        return rows.size();
    }

    /** Row {@code index}, readable by column name. */
    public Row row(int index) {
        return (Row) rows.get(index);
    }

    /** The values of one column, top to bottom. */
    public List<Object> column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new UnknownNameException("column", name, columns);
        }
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.get(i)));
        return values;
    }
}
