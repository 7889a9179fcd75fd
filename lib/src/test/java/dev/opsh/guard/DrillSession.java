package dev.opsh.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.dsl.OpsContext;
import dev.opsh.dsl.Provisioner;
import dev.opsh.engine.Evaluator;
import dev.opsh.inventory.Inventory;
import dev.opsh.inventory.Secrets;
import java.util.Map;

/**
 * A session as an operator has it, for integration tests: an inventory, an environment, a scripted
 * terminal, recorded events, and the Groovy engine that evaluates what they type.
 */
public final class DrillSession implements AutoCloseable {
    public final RecordingEvents events = new RecordingEvents();
    public final ScriptedPrompt prompt;
    public final OpsContext context;
    public final Evaluator evaluator;

    public DrillSession(Inventory inventory, Map<String, String> env, String... answers) {
        this.prompt = new ScriptedPrompt(answers);
        this.context = new OpsContext(inventory, new Secrets(env::get), events, Provisioner.NONE, new Operator(env, prompt));
        this.evaluator = new Evaluator(context);
    }

    /** CONFIRM_PROD=1, and nothing else. */
    public static Map<String, String> confirmed() {
        return Map.of("CONFIRM_PROD", "1");
    }

    @SuppressWarnings("unchecked")
    public <T> T eval(String source) {
        return (T) evaluator.evaluate(source);
    }

    /** Evaluates {@code source}, which must be refused by the guard; returns the refusal's message. */
    public String refused(String source) {
        Throwable thrown = catchThrowable(() -> evaluator.evaluate(source));
        assertThat(thrown).as(source).isInstanceOf(OpshException.class);
        assertThat(((OpshException) thrown).exitCode()).as(thrown.getMessage()).isEqualTo(ExitCode.REFUSED);
        assertThat(events.lastGuard().decision()).isEqualTo(GuardRecord.Decision.REFUSED);
        return thrown.getMessage();
    }

    @Override
    public void close() {
        context.close();
    }
}
