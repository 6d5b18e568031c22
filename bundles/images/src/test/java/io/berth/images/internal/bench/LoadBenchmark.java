package io.berth.images.internal.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.berth.api.image.ProgressListener;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.Sha256;

/**
 * Not a test: measures {@code load} throughput of a 64 MB image (4 gzip layers of random-content files in a
 * {@code docker save} archive) against {@code tar -xzf} of the same layers on the same disk, and prints MB/s
 * for both (MB = bytes of the uncompressed layers). One warm-up, then the median of five runs each. Run it
 * with {@code mvn -o -B -pl bundles/images test -Pbench}; it asserts nothing.
 */
class LoadBenchmark {

    private static final int LAYERS = 4;
    private static final int FILES_PER_LAYER = 64;
    private static final int FILE_SIZE = 256 * 1024;
    private static final int RUNS = 5;

    @Test
    void loadThroughputAgainstTar() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "load-bench-");
        try {
            Fixture fixture = Fixture.create(work);
            double mb = fixture.uncompressedBytes / 1e6;
            measure("berth load", () -> berthLoad(fixture, work));
            double berth = median(() -> berthLoad(fixture, work));
            double tar = median(() -> tarExtract(fixture, work));
            String report = String.format(Locale.ROOT, "Image %.1f MB uncompressed in %d gzip layers (%.1f MB "
                    + "archive), median of %d runs%n%n| | median | throughput |%n|---|---|---|%n"
                    + "| Berth `load` | %.3f s | %.1f MB/s |%n| `tar -xzf` (%d layers) | %.3f s | %.1f MB/s |%n"
                    + "| ratio Berth / tar | | %.0f %% (target ≥ 70 %%) |%n", mb, LAYERS,
                    Files.size(fixture.archive) / 1e6, RUNS, berth, mb / berth, LAYERS, tar, mb / tar,
                    100 * tar / berth);
            System.out.println(report);
            Path out = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(out.resolve("load.md"), report);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    @FunctionalInterface
    interface Run {
        double seconds() throws Exception;
    }

    private static double median(Run run) throws Exception {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = run.seconds();
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static void measure(String what, Run run) throws Exception {
        System.out.printf(Locale.ROOT, "warm-up %s: %.3f s%n", what, run.seconds());
    }

    private static double berthLoad(Fixture fixture, Path work) throws IOException {
        Path images = work.resolve("store");
        FileTrees.deleteRecursively(images);
        ImageStore store = ImageStore.open(images, new LayerUnpacker());
        ImageServiceImpl service = new ImageServiceImpl(store, () -> null, () -> null, Clock.systemUTC());
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(fixture.archive), 1 << 16)) {
            service.load(in, ProgressListener.NONE);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double tarExtract(Fixture fixture, Path work) throws Exception {
        Path target = work.resolve("tar");
        FileTrees.deleteRecursively(target);
        Files.createDirectories(target);
        long start = System.nanoTime();
        for (int i = 0; i < fixture.layers.size(); i++) {
            Path dir = Files.createDirectory(target.resolve("layer" + i));
            Process tar = new ProcessBuilder("tar", "-xzf", fixture.layers.get(i).toString(), "-C", dir.toString())
                    .inheritIO().start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("tar failed");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The generated layers (gzip files) and the docker save archive holding them. */
    private static final class Fixture {
        final List<Path> layers = new ArrayList<>();
        Path archive;
        long uncompressedBytes;

        static Fixture create(Path work) throws IOException {
            Fixture fixture = new Fixture();
            Random random = new Random(42);
            List<String> diffIds = new ArrayList<>();
            for (int i = 0; i < LAYERS; i++) {
                byte[] tar = layerTar(random, i);
                fixture.uncompressedBytes += tar.length;
                diffIds.add(Sha256.of(tar));
                Path gz = work.resolve("layer" + i + ".tar.gz");
                GzipParameters fast = new GzipParameters();
                fast.setCompressionLevel(1);
                try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(gz), fast)) {
                    out.write(tar);
                }
                fixture.layers.add(gz);
            }
            fixture.archive = dockerSave(work, fixture.layers, diffIds);
            return fixture;
        }

        private static byte[] layerTar(Random random, int index) throws IOException {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buffer)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                String dir = "data" + index + "/";
                TarArchiveEntry dirEntry = new TarArchiveEntry(dir, TarConstants.LF_DIR, true);
                dirEntry.setMode(0755);
                tar.putArchiveEntry(dirEntry);
                tar.closeArchiveEntry();
                byte[] content = new byte[FILE_SIZE];
                for (int f = 0; f < FILES_PER_LAYER; f++) {
                    random.nextBytes(content);
                    TarArchiveEntry file = new TarArchiveEntry(dir + "file" + f, TarConstants.LF_NORMAL, true);
                    file.setMode(0644);
                    file.setSize(content.length);
                    tar.putArchiveEntry(file);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
            return buffer.toByteArray();
        }

        private static Path dockerSave(Path work, List<Path> layers, List<String> diffIds) throws IOException {
            ObjectMapper json = new ObjectMapper();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("architecture", "amd64");
            config.put("os", "linux");
            config.put("created", "2026-01-01T00:00:00Z");
            config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
            byte[] configJson = json.writeValueAsBytes(config);
            String configName = Sha256.of(configJson).substring(7) + ".json";
            Path archive = work.resolve("image.tar");
            List<String> layerNames = new ArrayList<>();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
                for (int i = 0; i < layers.size(); i++) {
                    String name = "layer" + i + "/layer.tar";
                    layerNames.add(name);
                    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
                    entry.setSize(Files.size(layers.get(i)));
                    tar.putArchiveEntry(entry);
                    Files.copy(layers.get(i), tar);
                    tar.closeArchiveEntry();
                }
                add(tar, configName, configJson);
                Map<String, Object> manifest = new HashMap<>();
                manifest.put("Config", configName);
                manifest.put("RepoTags", List.of("bench:latest"));
                manifest.put("Layers", layerNames);
                add(tar, "manifest.json", json.writeValueAsBytes(List.of(manifest)));
                add(tar, "repositories", "{}".getBytes(StandardCharsets.UTF_8));
            }
            return archive;
        }

        private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
    }
}
