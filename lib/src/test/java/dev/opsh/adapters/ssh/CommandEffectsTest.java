package dev.opsh.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsh.dsl.Effect;
import dev.opsh.inventory.InventoryLoader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandEffectsTest {
    private static final List<String> DEFAULTS = InventoryLoader.DEFAULT_READ_ONLY_COMMANDS;

    private static Effect effect(String command) {
        return CommandEffects.classify(command, DEFAULTS).effect();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uptime", "df -h /var/lib/rabbitmq", "free -m", "ps aux", "systemctl status rabbitmq-server",
            "journalctl -u rabbitmq-server -n 500", "cat /etc/os-release", "ls -la /var/veza/uploads/", "grep -i error /var/log/x.log",
            "tail -100 /var/log/veza-worker/w.log", "ss -tlnp", "getent hosts rabbitmq.lxd", "pgbackrest info --stanza=main",
            "rabbitmqctl list_queues name messages", "rabbitmqctl list_users", "  uptime  ", "uptime\t-p", "ls /var/log/*.log"})
    void theDefaultAllowlistRunsFreely(String command) {
        assertThat(effect(command)).isEqualTo(Effect.READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rm -rf /tmp/x", "systemctl stop rabbitmq-server", "systemctl restart x", "systemctl", "pgbackrest backup",
            "pgbackrest", "rabbitmqctl purge_queue transcode_jobs", "rabbitmqctl", "sudo systemctl status x", "/bin/cat /etc/passwd",
            "PATH=/tmp cat x", "uptimex", "catx /etc/passwd", "find / -delete", "", "   ", "reboot", "Uptime",
            "journalctl --vacuum-size=1M", "journalctl -u x --rotate", "ss -K dst 10.0.0.1", "ss --kill", "systemctl --now status x"})
    void anythingElseIsAMutation(String command) {
        assertThat(effect(command)).isEqualTo(Effect.MUTATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uptime; rm -rf /", "uptime && reboot", "uptime || reboot", "cat x | sh", "cat x > /etc/passwd",
            "cat < /dev/sda", "cat `rm -rf /`", "cat $(rm -rf /)", "cat ${HOME}", "cat $HOME", "uptime\nreboot", "uptime\rreboot",
            "uptime & reboot", "ls (x)", "ls {a,b}", "grep 'a;b' file", "tail -f x 2>&1", "cat x >> y", "uptime\u0000reboot",
            "rabbitmqctl list_queues; rabbitmqctl purge_queue q", "systemctl status x|systemctl stop x"})
    void aMetacharacterAfterAnAllowedWordIsAMutation(String command) {
        CommandEffects.Classification c = CommandEffects.classify(command, DEFAULTS);
        assertThat(c.effect()).isEqualTo(Effect.MUTATE);
        assertThat(c.reason()).contains("metacharacter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/lab/labctl status", "/opt/lab/labctl rabbitmqctl list_queues", "sudo systemctl status nginx"})
    void anInventoryCanAllowItsOwnCommands(String command) {
        List<String> own = List.of("/opt/lab/labctl status", "/opt/lab/labctl rabbitmqctl list_*", "sudo systemctl status");
        assertThat(CommandEffects.classify(command, own).effect()).isEqualTo(Effect.READ);
        assertThat(CommandEffects.classify(command, List.of()).effect()).isEqualTo(Effect.MUTATE);
        assertThat(CommandEffects.classify("/opt/lab/labctl kill postgres", own).effect()).isEqualTo(Effect.MUTATE);
    }
}
