package io.berth.core.internal.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.image.ImportOptions;
import io.berth.api.image.SnapshotService;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.config.HostFacts;
import io.berth.core.internal.container.ContainerEngine;
import io.berth.core.internal.events.EventBus;
import io.berth.core.internal.runtime.RuntimeRegistry;
import io.berth.core.internal.testing.RootRequirement;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.snapshot.OverlaySnapshotService;
import io.berth.images.internal.snapshot.OverlaySupport;
import io.berth.images.internal.store.ImageStore;
import io.berth.nativeio.internal.linux.LinuxNative;
import io.berth.runtime.oci.OciCliProfile;
import io.berth.runtime.oci.internal.OciDriver;

/**
 * The engine as Karaf wires it, built from constructors: the real OCI driver for runc and crun (conmon), the
 * real image store with overlay snapshots, a busybox image built from the host's static busybox. Runtime state
 * roots are under {@link #RUN_ROOT} and the cgroup parent is {@link #CGROUP_PARENT}, both Berth's own; {@link
 * #close()} removes every container, the state roots and the cgroups. Root only.
 */
final class RealEngine implements AutoCloseable {

    static final String IMAGE = "busybox:bench";
    static final Path RUN_ROOT = Path.of("/run/berth-bench-core");
    static final String CGROUP_PARENT = "/berth-bench-core";

    final Path root;
    final ContainerEngine engine;
    /** The engine's snapshot service, for root filesystems of the benchmark's own. */
    final SnapshotService snapshots;
    /** The id of {@link #IMAGE}. */
    final String imageId;
    private final EventBus events;

    private RealEngine(Path root, ContainerEngine engine, SnapshotService snapshots, String imageId,
            EventBus events) {
        this.root = root;
        this.engine = engine;
        this.snapshots = snapshots;
        this.imageId = imageId;
        this.events = events;
    }

    /** Skips (or on CI fails) without root, runc, crun, conmon, unshare and busybox. */
    static RealEngine open(Path root) {
        List<Path> found = RootRequirement.assumeRootAnd(List.of(OciCliProfile.standardLocations("runc"),
                OciCliProfile.standardLocations("crun"), OciCliProfile.CONMON_CANDIDATES,
                List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare")), BusyboxTarball.HOST_BUSYBOX));
        LinuxNative natives = new LinuxNative();
        ImageStore store = ImageStore.open(root.resolve("images"), new LayerUnpacker(),
                OverlaySnapshotService.layerHolders());
        ImageServiceImpl images = new ImageServiceImpl(store, () -> null, () -> null, Clock.systemUTC());
        OverlaySupport overlays = new OverlaySupport(OverlaySnapshotService.probeFor(store));
        overlays.bind(natives);
        String imageId = images.importImage(new ByteArrayInputStream(BusyboxTarball.build(found.get(4))),
                ImportOptions.tagged(IMAGE)).id();
        RuntimeRegistry runtimes = new RuntimeRegistry();
        OciDriver driver = new OciDriver(natives, natives, natives);
        runtimes.register("runc", runtime(driver, "runc", false, true), "berth-runtime-runc");
        runtimes.register("crun", runtime(driver, "crun", true, false), "berth-runtime-crun");
        EngineSettings settings = EngineSettings.resolve(root.resolve("state").toString(),
                RUN_ROOT.resolve("run").toString(), "runc", 10, CGROUP_PARENT, HostFacts.current());
        EventBus events = new EventBus(1000, event -> { });
        SnapshotService snapshots = new OverlaySnapshotService(store, overlays);
        ContainerEngine engine = new ContainerEngine(settings, runtimes, images, snapshots, events);
        engine.open();
        return new RealEngine(root, engine, snapshots, imageId, events);
    }

    private static OciRuntime runtime(OciDriver driver, String name, boolean wrapper, boolean eventsStats) {
        return new CreateProbe(driver.runtime(new OciCliProfile(name, OciCliProfile.standardLocations(name),
                RUN_ROOT.resolve(name), List.of(), wrapper, eventsStats, null)));
    }

    Path containerDir(String id) {
        return root.resolve("state").resolve("containers").resolve(id);
    }

    @Override
    public void close() {
        try {
            for (ContainerInfo info : engine.list(ContainerFilter.ALL)) {
                try {
                    engine.remove(info.id(), true, true);
                } catch (RuntimeException e) {
                    System.err.println("cleanup of " + info.id() + " failed: " + e.getMessage());
                }
            }
        } finally {
            engine.close();
            events.close();
            deleteCgroups();
            deleteRunRoot();
        }
    }

    /** Deletes {@link #RUN_ROOT} unless a runtime still holds a container there (that one must be kept). */
    static void deleteRunRoot() {
        try (Stream<Path> tree = Files.walk(RUN_ROOT)) {
            List<Path> paths = tree.sorted(Comparator.reverseOrder()).toList();
            boolean busy = paths.stream().anyMatch(p -> p.getNameCount() == RUN_ROOT.getNameCount() + 2
                    && Files.isDirectory(p) && !p.getParent().getFileName().toString().equals("run"));
            if (busy) {
                System.err.println("containers are left in " + RUN_ROOT + "; not deleting it");
                return;
            }
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("cannot delete " + RUN_ROOT + ": " + e);
        }
    }

    /** Deletes the (empty) cgroups below {@link #CGROUP_PARENT} in every hierarchy, deepest first. */
    static void deleteCgroups() {
        try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Path parent = hierarchy.resolve(CGROUP_PARENT.substring(1));
                if (Files.isDirectory(parent)) {
                    deleteDirectories(parent);
                }
            }
        } catch (IOException e) {
            System.err.println("cannot clean the cgroups below " + CGROUP_PARENT + ": " + e);
        }
    }

    private static void deleteDirectories(Path top) throws IOException {
        try (Stream<Path> tree = Files.walk(top)) {
            for (Path dir : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException busy) {
                    System.err.println("cannot delete cgroup " + dir + ": " + busy);
                }
            }
        }
    }
}
