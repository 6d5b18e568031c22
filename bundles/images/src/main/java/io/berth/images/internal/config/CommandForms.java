package io.berth.images.internal.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;

import io.berth.api.error.InvalidArgumentException;

/** Argument forms of Dockerfile instructions: exec (JSON array) or shell form, paths, signals. Stateless. */
final class CommandForms {

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final Pattern SIGNAL = Pattern.compile("(?:SIG)?[A-Z][A-Z0-9+-]*|[0-9]+");

    private CommandForms() {
    }

    /** A JSON array of strings as it is, anything else as {@code /bin/sh -c <args>} (as Docker does). */
    static List<String> parse(String args) {
        List<String> exec = jsonArray(args);
        return exec != null ? exec : List.of("/bin/sh", "-c", args);
    }

    /** {@code ["/a", "/b"]} or whitespace-separated paths. */
    static List<String> volumes(String args) {
        List<String> exec = jsonArray(args);
        List<String> paths = exec != null ? exec : ShellWords.split(args);
        List<String> result = new ArrayList<>();
        for (String path : paths) {
            if (path.isBlank()) {
                throw new InvalidArgumentException("VOLUME specified can not be an empty string");
            }
            result.add(path.strip());
        }
        return result;
    }

    /** A relative {@code WORKDIR} continues from the current one (or {@code /}); the result is cleaned. */
    static String workingDir(String current, String requested) {
        String base = current == null || current.isEmpty() ? "/" : current;
        Path path = requested.startsWith("/") ? Path.of(requested) : Path.of("/", base, requested);
        return path.normalize().toString();
    }

    /** A signal name ({@code SIGTERM}, {@code TERM}, {@code SIGRTMIN+3}) or number. */
    static String signal(String args) {
        if (!SIGNAL.matcher(args).matches()) {
            throw new InvalidArgumentException("Invalid signal: " + args);
        }
        return args;
    }

    private static List<String> jsonArray(String args) {
        if (!args.startsWith("[")) {
            return null;
        }
        try {
            List<String> list = Json.mapper().readValue(args, STRING_LIST);
            return list == null || list.contains(null) ? null : list;
        } catch (IOException e) {
            return null;
        }
    }
}
