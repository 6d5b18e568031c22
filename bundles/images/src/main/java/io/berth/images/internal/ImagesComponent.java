package io.berth.images.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.event.EventService;
import io.berth.api.image.HistoryEntry;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImageUsage;
import io.berth.api.image.ImportOptions;
import io.berth.api.image.LoadResult;
import io.berth.api.image.ProgressListener;
import io.berth.api.image.PruneResult;
import io.berth.api.image.PullOptions;
import io.berth.api.image.PullResult;
import io.berth.api.image.RegistryAuth;
import io.berth.api.image.SnapshotService;
import io.berth.images.internal.image.ImageServiceImpl;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.registry.CredentialFile;
import io.berth.images.internal.registry.RegistryClient;
import io.berth.images.internal.registry.RegistryHosts;
import io.berth.images.internal.snapshot.OverlaySnapshotService;
import io.berth.images.internal.snapshot.OverlaySupport;
import io.berth.images.internal.store.ImageStore;
import io.berth.nativeio.FileNodes;
import io.berth.nativeio.Mounts;

/**
 * The image store component: provides {@link ImageService} and {@link SnapshotService} over one store in
 * {@code <root>/images}. The store is opened (and cleaned) on activation; a configuration change reactivates
 * the component. Thread-safe.
 */
@Component(name = ImagesComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {ImageService.class, SnapshotService.class})
@Designate(ocd = ImagesConfiguration.class)
public final class ImagesComponent implements ImageService, SnapshotService {

    static final String PID = "io.berth.images";
    private static final Logger LOG = LoggerFactory.getLogger(ImagesComponent.class);

    /**
     * Optional: without the container engine, images in use cannot be detected and are deleted freely.
     * Bound as service objects, fetched only when asked: the engine itself needs this store, so taking its
     * service at bind time would be a circular activation.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<ImageUsage> imageUsage;

    /** Optional: without an event service, image events are dropped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventService eventService;

    private final ImageService images;
    private final OverlaySnapshotService snapshots;
    private final OverlaySupport overlays;

    @Activate
    public ImagesComponent(ImagesConfiguration config) {
        Path root = StoreRoot.resolve(config.root());
        ImageStore store = ImageStore.open(root.resolve("images"), new LayerUnpacker(),
                OverlaySnapshotService.layerHolders());
        this.images = new ImageServiceImpl(store, registryClient(config), this::currentImageUsage,
                () -> eventService, Clock.systemUTC());
        this.overlays = new OverlaySupport(OverlaySnapshotService.probeFor(store));
        this.snapshots = new OverlaySnapshotService(store, overlays);
        LOG.info("image store ready in {}", root.resolve("images"));
    }

    /** Finishes the deletion of removed root filesystems (briefly; the next start deletes what is left). */
    @Deactivate
    void deactivate() {
        snapshots.close();
    }

    /**
     * Optional and dynamic: without native mounts (bundle berth-native absent or stopped) new root filesystems
     * are copies; overlay snapshots made before keep working but cannot be unmounted or mounted again until
     * the service is back. Each bound service is probed once (a test overlay mount) and the result logged.
     */
    @Reference(name = "mounts", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindMounts")
    void bindMounts(Mounts mounts) {
        overlays.bind(mounts);
    }

    void unbindMounts(Mounts mounts) {
        overlays.unbind(mounts);
    }

    /** Optional and dynamic: without native file nodes, images with whiteouts get copies, not overlays. */
    @Reference(name = "fileNodes", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindFileNodes")
    void bindFileNodes(FileNodes nodes) {
        snapshots.bindFileNodes(nodes);
    }

    void unbindFileNodes(FileNodes nodes) {
        snapshots.unbindFileNodes(nodes);
    }

    private static RegistryClient registryClient(ImagesConfiguration config) {
        List<String> insecure = config.insecureRegistries() == null ? List.of() : List.of(config.insecureRegistries());
        return new RegistryClient(new RegistryHosts(insecure), new CredentialFile(authFile(config.registryAuthFile())),
                config.maxConcurrentDownloads());
    }

    /** The configured credentials file, else {@code ${karaf.etc}/registry-auth.json}; {@code null} for none. */
    private static Path authFile(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Path.of(etc, "registry-auth.json");
    }

    @Override
    public PullResult pull(String ref, PullOptions options, ProgressListener progress) {
        return images.pull(ref, options, progress);
    }

    @Override
    public void login(RegistryAuth auth) {
        images.login(auth);
    }

    @Override
    public ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
        return images.importImage(rootfsTar, options);
    }

    @Override
    public List<ImageInfo> list(boolean all) {
        return images.list(all);
    }

    @Override
    public ImageInfo inspect(String ref) {
        return images.inspect(ref);
    }

    @Override
    public void tag(String source, String target) {
        images.tag(source, target);
    }

    @Override
    public List<ImageRemoval> remove(String ref, boolean force, boolean noPrune) {
        return images.remove(ref, force, noPrune);
    }

    @Override
    public LoadResult load(InputStream archive, ProgressListener progress) {
        return images.load(archive, progress);
    }

    @Override
    public void save(List<String> refs, OutputStream out) {
        images.save(refs, out);
    }

    @Override
    public List<HistoryEntry> history(String ref) {
        return images.history(ref);
    }

    @Override
    public PruneResult prune(boolean all) {
        return images.prune(all);
    }

    @Override
    public Path prepare(String key, String imageId) {
        return snapshots.prepare(key, imageId);
    }

    @Override
    public Path path(String key) {
        return snapshots.path(key);
    }

    @Override
    public void remove(String key) {
        snapshots.remove(key);
    }

    /** The engine's answer, fetched per call and released at once; {@code null} while no engine is bound. */
    private ImageUsage currentImageUsage() {
        ComponentServiceObjects<ImageUsage> objects = imageUsage;
        if (objects == null) {
            return null;
        }
        return imageId -> {
            ImageUsage usage = objects.getService();
            if (usage == null) {
                return java.util.List.of();
            }
            try {
                return usage.containersUsing(imageId);
            } finally {
                objects.ungetService(usage);
            }
        };
    }
}
