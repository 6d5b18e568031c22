package io.berth.runtime.mock.internal;

import static io.berth.api.container.LogEntry.Stream.STDERR;
import static io.berth.api.container.LogEntry.Stream.STDOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.LogEntry;
import io.berth.api.error.InvalidArgumentException;
import io.berth.runtime.mock.internal.Step.Output;
import io.berth.runtime.mock.internal.Step.ReadStdin;
import io.berth.runtime.mock.internal.Step.SetStatus;
import io.berth.runtime.mock.internal.Step.Sleep;

/**
 * The executables the mock runtime can run, turned into {@link Step programs}. The executable is named by
 * its base name ({@code /bin/echo} is {@code echo}):
 * <ul>
 * <li>{@code echo ARGS...}: one stdout line, the args joined by spaces; exit 0</li>
 * <li>{@code true}: exit 0; {@code false}: exit 1</li>
 * <li>{@code sleep N...}: waits N seconds (decimals and s/m/h/d suffixes allowed, {@code infinity}); exit 0</li>
 * <li>{@code cat}: copies stdin to stdout line by line until stdin closes; exit 0</li>
 * <li>{@code env}: the environment, one line each; {@code pwd}: the working directory</li>
 * <li>{@code sh -c SCRIPT}: see {@link ShellScript}; {@code sh} alone reads stdin until it closes</li>
 * </ul>
 * Any other executable fails container creation (and exec) with Docker's {@code executable file not found} message.
 * Stateless and thread-safe.
 */
final class CommandSet {

    private CommandSet() {
    }

    /**
     * The program of a container's process.
     *
     * @throws InvalidArgumentException {@code exec: "NAME": executable file not found in $PATH} for an
     *                                  executable outside the command set
     */
    static List<Step> program(ProcessSpec process) {
        String executable = process.args().get(0);
        List<String> operands = process.args().subList(1, process.args().size());
        String name = baseName(executable);
        List<Step> steps = name.equals("sh") ? ShellScript.program(operands, process)
                : utility(name, operands, process, STDOUT);
        if (steps == null) {
            throw new InvalidArgumentException(
                    "exec: \"" + executable + "\": executable file not found in $PATH");
        }
        return steps;
    }

    /**
     * The steps of a utility that exists both as an executable and inside {@code sh} scripts, or
     * {@code null} when {@code name} is none of them.
     *
     * @param out the stream normal output goes to (scripts may redirect it to stderr)
     */
    static List<Step> utility(String name, List<String> operands, ProcessSpec process, LogEntry.Stream out) {
        return switch (name) {
            case "echo" -> List.of(new Output(out, String.join(" ", operands)), new SetStatus(0));
            case "true" -> List.of(new SetStatus(0));
            case "false" -> List.of(new SetStatus(1));
            case "sleep" -> sleep(operands);
            case "cat" -> cat(operands);
            case "env" -> linesThenSuccess(process.env(), out);
            case "pwd" -> linesThenSuccess(List.of(process.cwd()), out);
            default -> null;
        };
    }

    /** The last path element of an executable path. */
    static String baseName(String executable) {
        return executable.substring(executable.lastIndexOf('/') + 1);
    }

    private static List<Step> sleep(List<String> operands) {
        try {
            Duration duration = SleepArgument.parse(operands);
            return List.of(new Sleep(duration));
        } catch (IllegalArgumentException e) {
            return List.of(new Output(STDERR, e.getMessage()), new SetStatus(1));
        }
    }

    private static List<Step> cat(List<String> operands) {
        List<Step> steps = new ArrayList<>();
        int status = 0;
        for (String operand : operands.isEmpty() ? List.of("-") : operands) {
            if (operand.equals("-")) {
                steps.add(new ReadStdin(true));
            } else {
                steps.add(new Output(STDERR, "cat: can't open '" + operand + "': No such file or directory"));
                status = 1;
            }
        }
        steps.add(new SetStatus(status));
        return steps;
    }

    private static List<Step> linesThenSuccess(List<String> lines, LogEntry.Stream out) {
        List<Step> steps = new ArrayList<>();
        lines.forEach(line -> steps.add(new Output(out, line)));
        steps.add(new SetStatus(0));
        return steps;
    }
}
