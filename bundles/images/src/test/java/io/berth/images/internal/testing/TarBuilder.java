package io.berth.images.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds tarballs in memory for tests, hostile ones included (names are written as given). */
public final class TarBuilder {

    public static final Instant MTIME = Instant.parse("2020-01-02T03:04:05Z");

    private final List<Consumer<TarArchiveOutputStream>> steps = new ArrayList<>();
    private final java.util.Set<String> onceNames = new java.util.HashSet<>();

    public TarBuilder dir(String name) {
        return dir(name, 0755);
    }

    public TarBuilder dir(String name, int mode) {
        return add(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode), null);
    }

    public TarBuilder file(String name, String content) {
        return file(name, content, 0644);
    }

    public TarBuilder file(String name, String content, int mode) {
        return add(entry(name, TarConstants.LF_NORMAL, mode), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a file unless one of that name was added with this method before. */
    public TarBuilder fileOnce(String name, byte[] content) {
        return onceNames.add(name) ? file(name, content) : this;
    }

    public TarBuilder file(String name, byte[] content) {
        return add(entry(name, TarConstants.LF_NORMAL, 0644), content);
    }

    public TarBuilder symlink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777);
        e.setLinkName(target);
        return add(e, null);
    }

    public TarBuilder hardlink(String name, String target) {
        TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644);
        e.setLinkName(target);
        return add(e, null);
    }

    public TarBuilder fifo(String name) {
        return add(entry(name, TarConstants.LF_FIFO, 0644), null);
    }

    public TarBuilder charDevice(String name) {
        return add(entry(name, TarConstants.LF_CHR, 0666), null);
    }

    /** Adds a prepared entry with optional content. */
    public TarBuilder add(TarArchiveEntry entry, byte[] content) {
        steps.add(out -> write(out, entry, content));
        return this;
    }

    /** A regular-file entry with the given header values. */
    public static TarArchiveEntry entry(String name, byte type, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(mode);
        e.setModTime(FileTime.from(MTIME));
        return e;
    }

    private static void write(TarArchiveOutputStream out, TarArchiveEntry entry, byte[] content) {
        try {
            if (content != null) {
                entry.setSize(content.length);
            }
            out.putArchiveEntry(entry);
            if (content != null) {
                out.write(content);
            }
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uncompressed tar. */
    public byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(buffer, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            steps.forEach(s -> s.accept(out));
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** The gzip-compressed tar. */
    public byte[] gzip() {
        return gzip(bytes());
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(buffer)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
