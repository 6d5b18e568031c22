package io.berth.images.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Mode, ownership and time stamps of single files, always without following a symbolic link. Modes go
 * through the {@code unix} attribute view, which keeps the setuid, setgid and sticky bits; where that view
 * is missing, only the nine permission bits are set.
 */
public final class PosixAttributes {

    private static final PosixFilePermission[] BITS_LOW_TO_HIGH = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private PosixAttributes() {
    }

    /** Sets the mode bits (07777) of a file or directory; must not be called on a symbolic link. */
    public static void setMode(Path path, int mode) throws IOException {
        try {
            Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Files.setPosixFilePermissions(path, permissions(mode));
        }
    }

    /** The mode bits (07777) of a file, not following a link. */
    public static int mode(Path path) throws IOException {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return bits(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** Sets owner and group of the path itself (a link is changed, not its target). Needs root. */
    public static void setOwner(Path path, long uid, long gid) throws IOException {
        Files.setAttribute(path, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
    }

    /** Sets the modification time of the path itself. */
    public static void setModifiedTime(Path path, FileTime time) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(time, null, null);
    }

    /** The permission set of the low nine mode bits. */
    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS_LOW_TO_HIGH.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                result.add(BITS_LOW_TO_HIGH[bit]);
            }
        }
        return result;
    }

    private static int bits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < BITS_LOW_TO_HIGH.length; bit++) {
            if (permissions.contains(BITS_LOW_TO_HIGH[bit])) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }

    /**
     * Copies mode, modification time and (when {@code owner}) ownership from one directory or file to
     * another, ownership first.
     */
    public static void copy(Path source, Path target, boolean owner) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        if (owner) {
            setOwner(target, (Integer) attributes.get("uid"), (Integer) attributes.get("gid"));
        }
        setMode(target, (Integer) attributes.get("mode"));
        setModifiedTime(target, (FileTime) attributes.get("lastModifiedTime"));
    }
}
