package io.berth.runtime.mock.internal;

import static io.berth.api.container.LogEntry.Stream.STDERR;
import static io.berth.api.container.LogEntry.Stream.STDOUT;

import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.LogEntry;
import io.berth.runtime.mock.internal.Step.Exit;
import io.berth.runtime.mock.internal.Step.Output;
import io.berth.runtime.mock.internal.Step.ReadStdin;
import io.berth.runtime.mock.internal.Step.SetStatus;

/**
 * The simulated {@code sh}. {@code sh -c SCRIPT} runs a script of commands separated by {@code ;} or
 * newlines (see {@link ShellTokenizer} for quoting); each command is {@code exit [N]}, {@code :} or one of
 * the utilities of {@link CommandSet} ({@code echo}, {@code true}, {@code false}, {@code sleep}, {@code cat},
 * {@code env}, {@code pwd}). A command ending in {@code >&2} writes its output to stderr. An unknown command
 * prints {@code sh: NAME: not found} on stderr and sets status 127; the script's exit code is that of
 * {@code exit} or of its last command. {@code sh} without arguments reads stdin, ignoring it, until it closes.
 * Stateless and thread-safe.
 */
final class ShellScript {

    private ShellScript() {
    }

    /** The program of {@code sh} with the given operands. */
    static List<Step> program(List<String> operands, ProcessSpec process) {
        if (operands.isEmpty()) {
            return List.of(new ReadStdin(false), new SetStatus(0));
        }
        if (!operands.get(0).equals("-c")) {
            return failure("sh: can't open '" + operands.get(0) + "': No such file or directory", 2);
        }
        if (operands.size() < 2) {
            return failure("sh: -c requires an argument", 2);
        }
        try {
            return script(ShellTokenizer.split(operands.get(1), process), process);
        } catch (IllegalArgumentException e) {
            return failure(e.getMessage(), 2);
        }
    }

    private static List<Step> script(List<List<String>> commands, ProcessSpec process) {
        List<Step> steps = new ArrayList<>();
        commands.forEach(words -> steps.addAll(command(words, process)));
        return steps;
    }

    private static List<Step> command(List<String> words, ProcessSpec process) {
        List<String> args = new ArrayList<>(words);
        LogEntry.Stream out = args.removeIf(w -> w.equals(">&2") || w.equals("1>&2")) ? STDERR : STDOUT;
        if (args.isEmpty()) {
            return List.of();
        }
        String name = args.get(0);
        List<String> operands = args.subList(1, args.size());
        if (name.equals("exit")) {
            return exit(operands);
        }
        if (name.equals(":")) {
            return List.of(new SetStatus(0));
        }
        List<Step> steps = CommandSet.utility(CommandSet.baseName(name), operands, process, out);
        return steps != null ? steps : List.of(new Output(STDERR, "sh: " + name + ": not found"), new SetStatus(127));
    }

    private static List<Step> exit(List<String> operands) {
        if (operands.isEmpty()) {
            return List.of(new Exit(null));
        }
        try {
            return List.of(new Exit(Integer.parseInt(operands.get(0)) & 0xFF));
        } catch (NumberFormatException e) {
            return failure("sh: exit: Illegal number: " + operands.get(0), 2);
        }
    }

    private static List<Step> failure(String message, int code) {
        return List.of(new Output(STDERR, message), new Exit(code));
    }
}
