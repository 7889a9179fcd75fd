package dev.opsh.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A terminal for tests: answers each question with the next scripted line, and with null (end of
 * input, no terminal) once they run out. It keeps every preview shown and every question asked.
 */
public final class ScriptedPrompt implements ConfirmationPrompt {
    private final Deque<String> answers;
    public final List<Preview> shown = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();

    public ScriptedPrompt(String... answers) {
        this.answers = new ArrayDeque<>(Arrays.asList(answers));
    }

    @Override
    public synchronized void show(Preview preview) {
        shown.add(preview);
    }

    @Override
    public synchronized String readLine(String prompt) {
        asked.add(prompt);
        return answers.poll();
    }
}
