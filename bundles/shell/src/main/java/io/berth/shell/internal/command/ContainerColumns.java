package io.berth.shell.internal.command;

import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The cells of a {@code berth:ps} row, formatted as {@code docker ps} formats them. Stateless. */
final class ContainerColumns {

    static final int SHORT_ID_LENGTH = 12;
    private static final int COMMAND_WIDTH = 20;

    private ContainerColumns() {
    }

    /** The first 12 characters of an id, or the id itself when {@code trunc} is false. */
    static String id(String id, boolean trunc) {
        return trunc && id.length() > SHORT_ID_LENGTH ? id.substring(0, SHORT_ID_LENGTH) : id;
    }

    /** The image as the user named it; an image id is shortened like a container id. */
    static String image(ContainerInfo info, boolean trunc) {
        String image = info.image() == null ? "" : info.image();
        if (trunc && image.startsWith("sha256:")) {
            return id(image.substring("sha256:".length()), true);
        }
        return image;
    }

    /** Path and arguments (those with spaces in single quotes), truncated to 20 columns, in double quotes. */
    static String command(ContainerInfo info, boolean trunc) {
        List<String> words = new ArrayList<>();
        words.add(info.path() == null ? "" : info.path());
        for (String arg : info.args()) {
            words.add(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        String command = String.join(" ", words);
        return quote(trunc ? ellipsis(command, COMMAND_WIDTH) : command);
    }

    /** "5 seconds ago". */
    static String ago(Instant time, Instant now) {
        return time == null ? "N/A" : HumanFormat.duration(Duration.between(time, now)) + " ago";
    }

    /** Docker's status text: "Up 3 seconds", "Up 3 seconds (Paused)", "Exited (0) 2 minutes ago", "Created", ... */
    static String status(ContainerState state, Instant now) {
        return switch (state.status()) {
            case RUNNING -> "Up " + since(state.startedAt(), now);
            case PAUSED -> "Up " + since(state.startedAt(), now) + " (Paused)";
            case RESTARTING -> "Restarting (" + state.exitCode() + ") " + ago(state.finishedAt(), now);
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case CREATED -> "Created";
            case EXITED -> exited(state, now);
        };
    }

    private static String exited(ContainerState state, Instant now) {
        if (state.startedAt() == null) {
            return "Created";
        }
        String exited = "Exited (" + state.exitCode() + ")";
        return state.finishedAt() == null ? exited : exited + " " + ago(state.finishedAt(), now);
    }

    private static String since(Instant time, Instant now) {
        return time == null ? "" : HumanFormat.duration(Duration.between(time, now));
    }

    /** The first {@code width - 1} code points and "…" when longer than {@code width}, like the docker CLI. */
    static String ellipsis(String text, int width) {
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    /** A double-quoted string with backslash escapes, as Go's {@code strconv.Quote} writes printable text. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
