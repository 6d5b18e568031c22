package io.berth.images.internal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Puts OCI image layouts into a {@link LocalRegistry} with {@code skopeo copy}. */
public final class Skopeo {

    private Skopeo() {
    }

    /** Writes a layout built as a tar ({@link ImageArchives}) into a directory. */
    public static Path layoutDir(TarBuilder layout, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(layout.bytes()))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy((InputStream) in, target);
                }
            }
        }
        return dir;
    }

    /**
     * {@code skopeo copy oci:<dir>:<refName> docker://<destination>} over plain HTTP.
     *
     * @param all    copy every image of an index (a manifest list in the registry)
     * @param format {@code null} to keep OCI, {@code v2s2} for Docker schema 2
     * @param creds  {@code user:password} or {@code null}
     */
    public static void copy(Path layout, String refName, String destination, boolean all, String format,
            String creds) {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--quiet",
                "--dest-tls-verify=false"));
        if (all) {
            command.add("--all");
        }
        if (format != null) {
            command.addAll(List.of("--format", format));
        }
        if (creds != null) {
            command.addAll(List.of("--dest-creds", creds));
        }
        command.add("oci:" + layout + ":" + refName);
        command.add("docker://" + destination);
        Processes.run(command);
    }
}
