package io.berth.common.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount table of this process's mount namespace, parsed from {@code /proc/self/mountinfo}
 * (proc(5)): {@code ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS},
 * with space, tab, newline and backslash in paths escaped as octal {@code \NNN}. Immutable.
 */
public final class MountTable {

    public static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** One mount. */
    public record Entry(Path mountPoint, String fsType, String source, String superOptions) {
    }

    private final List<Entry> entries;

    private MountTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the current table. */
    public static MountTable read() {
        try {
            return parse(Files.readString(MOUNTINFO));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mount table " + MOUNTINFO + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when something is mounted on {@code path} in this process's namespace. The path is compared after
     * resolving symbolic links, as the kernel reports mount points.
     */
    public static boolean isMounted(Path path) {
        return read().isMountPoint(realPathOrSelf(path));
    }

    /**
     * Parses mountinfo text; lines that do not have the documented shape are ignored.
     */
    public static MountTable parse(String mountinfo) {
        List<Entry> entries = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            Entry entry = parseLine(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new MountTable(entries);
    }

    private static Entry parseLine(String line) {
        String[] fields = line.split(" ");
        int separator = List.of(fields).indexOf("-");
        if (fields.length < 6 || separator < 6 || fields.length < separator + 3) {
            return null;
        }
        String superOptions = fields.length > separator + 3 ? fields[separator + 3] : "";
        return new Entry(Path.of(unescape(fields[4])), fields[separator + 1], unescape(fields[separator + 2]),
                superOptions);
    }

    /** Decodes the kernel's octal escapes ({@code \040} is a space). */
    public static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** True when some mount has {@code path} (absolute, normalized) as its mount point. */
    public boolean isMountPoint(Path path) {
        Path wanted = path.toAbsolutePath().normalize();
        return entries.stream().anyMatch(e -> e.mountPoint().equals(wanted));
    }

    /** The mounts on {@code dir} or below it, deepest first (the order to unmount them in). */
    public List<Entry> mountsBelow(Path dir) {
        Path top = dir.toAbsolutePath().normalize();
        List<Entry> below = new ArrayList<>(entries.stream().filter(e -> e.mountPoint().startsWith(top)).toList());
        below.sort((a, b) -> Integer.compare(b.mountPoint().getNameCount(), a.mountPoint().getNameCount()));
        return below;
    }

    private static Path realPathOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
