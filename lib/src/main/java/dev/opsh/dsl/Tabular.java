package dev.opsh.dsl;

import java.util.List;

/** A value that is naturally a table, such as the rows of a SQL query. The shell draws it aligned. */
public interface Tabular {
    List<String> columns();

    /** Each row holds one value per column, in column order. */
    List<List<Object>> rows();
}
