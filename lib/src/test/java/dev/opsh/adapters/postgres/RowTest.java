package dev.opsh.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsh.UnknownNameException;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {
    private static final List<String> COLUMNS = List.of("status", "n", "size");
    private final SqlRows rows = new SqlRows(COLUMNS, List.of(
            new Row(COLUMNS, new Object[] {"uploading", 5L, null}),
            new Row(COLUMNS, new Object[] {"completed", 6L, 3})), false);

    private Object groovy(String expression) {
        Binding binding = new Binding();
        binding.setVariable("result", rows);
        return new GroovyShell(binding).evaluate(expression);
    }

    @Test
    void isAListInColumnOrderForTheTable() {
        assertThat(rows.rows().get(0)).containsExactly("uploading", 5L, null);
        assertThat(rows.column("n")).containsExactly(5L, 6L);
    }

    @Test
    void groovyReadsColumnsByName() {
        assertThat(groovy("result.rows.findAll { it.status == 'uploading' }*.n")).isEqualTo(List.of(5L));
        assertThat(groovy("result.rows*.status")).isEqualTo(List.of("uploading", "completed"));
        assertThat(groovy("result.rows[1]['n']")).isEqualTo(6L);
        assertThat(groovy("result.rows.sum { it.n }")).isEqualTo(11L);
        assertThat(groovy("result.rows[1].size")).as("a column named size wins over List.size()").isEqualTo(3);
        assertThat(groovy("result.rows[0].size()")).isEqualTo(3);
    }

    @Test
    void anUnknownColumnIsAnErrorWithAHint() {
        assertThatThrownBy(() -> rows.row(0).get("stauts"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown column 'stauts'; did you mean 'status'?");
        assertThatThrownBy(() -> rows.column("count")).isInstanceOf(UnknownNameException.class);
    }

    @Test
    void printsAndSerializesKeyedByColumn() throws Exception {
        assertThat(rows.row(0)).hasToString("{status=uploading, n=5, size=null}");
        assertThat(new ObjectMapper().writeValueAsString(rows)).isEqualTo("{\"columns\":[\"status\",\"n\",\"size\"],"
                + "\"rows\":[{\"status\":\"uploading\",\"n\":5,\"size\":null},{\"status\":\"completed\",\"n\":6,\"size\":3}],"
                + "\"truncated\":false}");
    }

    @Test
    void equalsComparesValues() {
        assertThat(rows.row(0)).isEqualTo(Arrays.asList("uploading", 5L, null));
    }
}
