package dev.opsh.adapters.postgres;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.opsh.UnknownNameException;
import groovy.lang.GroovyObject;
import groovy.lang.MetaClass;
import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * One row of {@link SqlRows}: its values in column order, as a list (what a table is made of), and
 * also by column name, as Groovy reads a map: {@code row.status}, {@code row['status']}. A column
 * name wins over a list property of the same name. As JSON it is an object keyed by column.
 */
public final class Row extends AbstractList<Object> implements GroovyObject {
    private final List<String> columns;
    private final Object[] values;
    private transient MetaClass metaClass;

    Row(List<String> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The value of {@code column}; an unknown column is an error with a did-you-mean. */
    public Object get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new UnknownNameException("column", column, columns);
        }
        return values[i];
    }

    /** Groovy's {@code row['status']}. */
    public Object getAt(String column) {
        return get(column);
    }

    /** Column to value, in column order. */
    @JsonValue
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Object getProperty(String name) {
        if (columns.contains(name)) {
            return get(name);
        }
        return getMetaClass().getProperty(this, name);
    }

    @Override
    public MetaClass getMetaClass() {
        if (metaClass == null) {
            metaClass = InvokerHelper.getMetaClass(getClass());
        }
        return metaClass;
    }

    @Override
    public void setMetaClass(MetaClass metaClass) {
        this.metaClass = metaClass;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
