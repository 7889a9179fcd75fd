package dev.opsh.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.OpshException;
import org.junit.jupiter.api.Test;

class SingleStatementTest {
    @Test
    void acceptsOneStatementWithOrWithoutItsSemicolon() {
        assertThatCode(() -> SingleStatement.check("select 1")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.check("select 1;")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.check("select 1 ;  \n")).doesNotThrowAnyException();
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotCount() {
        assertThatCode(() -> SingleStatement.check("select 'a;b', \"c;d\" from t -- x; y")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.check("select $$a; delete from t$$")).doesNotThrowAnyException();
        assertThatCode(() -> SingleStatement.check("select /* ; */ 1")).doesNotThrowAnyException();
    }

    @Test
    void refusesASecondStatement() {
        assertThatThrownBy(() -> SingleStatement.check("commit; delete from uploads"))
                .isInstanceOf(OpshException.class)
                .hasMessage("sql() runs one statement per call; this text has 2 (split it into several sql() calls)");
        assertThatThrownBy(() -> SingleStatement.check("select 1; select 2; select 3"))
                .hasMessageContaining("this text has 3");
    }

    @Test
    void refusesEmptyText() {
        assertThatThrownBy(() -> SingleStatement.check("  ;  ")).hasMessage("sql() needs a query; the text is empty");
    }
}
