package io.berth.images.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ImageConfig;

/**
 * Applies Dockerfile instructions given as {@code --change} values to image defaults: {@code CMD},
 * {@code ENTRYPOINT} (JSON array or shell form), {@code ENV}, {@code LABEL}, {@code WORKDIR}, {@code USER},
 * {@code STOPSIGNAL}, {@code EXPOSE} and {@code VOLUME}. Instruction names are case-insensitive. Stateless.
 */
public final class ChangeInstructions {

    private ChangeInstructions() {
    }

    /**
     * The defaults after applying every change in order.
     *
     * @throws InvalidArgumentException for an unknown instruction or malformed arguments
     */
    public static ImageConfig apply(ImageConfig base, List<String> changes) {
        ConfigDraft draft = new ConfigDraft(base);
        for (String change : changes) {
            applyOne(draft, change.strip());
        }
        return draft.build();
    }

    private static void applyOne(ConfigDraft draft, String change) {
        if (change.isEmpty()) {
            return;
        }
        String[] parts = change.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].strip() : "";
        if (args.isEmpty() && isKnown(keyword)) {
            throw new InvalidArgumentException(keyword + " requires at least one argument");
        }
        dispatch(draft, keyword, args, parts[0]);
    }

    private static boolean isKnown(String keyword) {
        return List.of("CMD", "ENTRYPOINT", "ENV", "LABEL", "WORKDIR", "USER", "STOPSIGNAL", "EXPOSE", "VOLUME")
                .contains(keyword);
    }

    private static void dispatch(ConfigDraft draft, String keyword, String args, String given) {
        switch (keyword) {
            case "CMD" -> draft.cmd = CommandForms.parse(args);
            case "ENTRYPOINT" -> draft.entrypoint = CommandForms.parse(args);
            case "ENV" -> pairs("ENV", args).forEach((k, v) -> draft.env.put(k, v));
            case "LABEL" -> draft.labels.putAll(pairs("LABEL", args));
            case "WORKDIR" -> draft.workingDir = CommandForms.workingDir(draft.workingDir, args);
            case "USER" -> draft.user = args;
            case "STOPSIGNAL" -> draft.stopSignal = CommandForms.signal(args);
            case "EXPOSE" -> ShellWords.split(args).forEach(p -> draft.exposedPorts.addAll(PortSpecs.expand(p)));
            case "VOLUME" -> CommandForms.volumes(args).forEach(draft.volumes::add);
            default -> throw new InvalidArgumentException(given + " is not a valid change command");
        }
    }

    /** {@code k=v k2="v 2"} pairs, or the legacy {@code k v} form when the first word has no {@code =}. */
    static Map<String, String> pairs(String keyword, String args) {
        List<String> words = ShellWords.split(args);
        Map<String, String> result = new LinkedHashMap<>();
        if (!words.get(0).contains("=")) {
            String[] legacy = args.split("\\s+", 2);
            if (legacy.length < 2) {
                throw new InvalidArgumentException(keyword + " must have two arguments");
            }
            result.put(legacy[0], legacy[1]);
            return result;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new InvalidArgumentException("Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            if (eq == 0) {
                throw new InvalidArgumentException(keyword + " names can not be blank");
            }
            result.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return result;
    }

    /** Mutable defaults while changes are applied. */
    private static final class ConfigDraft {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<String> exposedPorts = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();
        private List<String> cmd;
        private List<String> entrypoint;
        private String workingDir;
        private String user;
        private String stopSignal;

        ConfigDraft(ImageConfig base) {
            base.env().forEach(e -> {
                int eq = e.indexOf('=');
                env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
            });
            labels.putAll(base.labels());
            exposedPorts.addAll(base.exposedPorts());
            volumes.addAll(base.volumes());
            cmd = base.cmd();
            entrypoint = base.entrypoint();
            workingDir = base.workingDir();
            user = base.user();
            stopSignal = base.stopSignal();
        }

        ImageConfig build() {
            List<String> envList = new ArrayList<>();
            env.forEach((k, v) -> envList.add(k + "=" + v));
            return new ImageConfig(envList, cmd, entrypoint, workingDir, user, labels, stopSignal,
                    exposedPorts.stream().distinct().sorted().toList(), volumes.stream().distinct().sorted().toList());
        }
    }
}
