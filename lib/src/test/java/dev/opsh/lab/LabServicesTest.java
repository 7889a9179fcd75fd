package dev.opsh.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsh.ExitCode;
import dev.opsh.UnknownNameException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabServicesTest {
    @Test
    void nothingNamedMeansEveryServiceWithRabbitMqLast() {
        assertThat(LabServices.resolve(Set.of())).containsExactly("sshd", "redis", "postgres", "haproxy", "rabbitmq");
    }

    @Test
    void haproxyBringsPostgresAlong() {
        assertThat(LabServices.resolve(List.of("haproxy"))).containsExactly("postgres", "haproxy");
        assertThat(LabServices.resolve(List.of("redis", "sshd"))).containsExactly("sshd", "redis");
    }

    @Test
    void anUnknownServiceIsAUsageErrorWithAHint() {
        assertThatThrownBy(() -> LabServices.resolve(List.of("postgress")))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown lab service 'postgress'; did you mean 'postgres'?")
                .satisfies(e -> assertThat(((UnknownNameException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
