package io.berth.images.internal.image;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
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
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.registry.CredentialFile;
import io.berth.images.internal.registry.PlatformSpec;
import io.berth.images.internal.registry.RegistryClient;
import io.berth.images.internal.registry.RegistryHosts;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.StoredImage;

/**
 * The {@link ImageService} over one {@link ImageStore}: delegates to the importer, loader, saver, remover,
 * pruner and puller, and publishes Docker's image events. Thread-safe.
 */
public final class ImageServiceImpl implements ImageService {

    private final ImageStore store;
    private final ImageImporter importer;
    private final ImageRemover remover;
    private final ImageLoader loader;
    private final ImageSaver saver;
    private final ImagePruner pruner;
    private final EventPublisher events;
    private final ImagePuller puller;
    private final RegistryClient registry;

    /**
     * @param usage  who uses an image; may supply {@code null} (then images are deleted freely)
     * @param events the event service; may supply {@code null} (then events are dropped)
     */
    public ImageServiceImpl(ImageStore store, Supplier<ImageUsage> usage, Supplier<EventService> events,
            Clock clock) {
        this(store, new RegistryClient(new RegistryHosts(List.of()), new CredentialFile(null), 3), usage, events,
                clock);
    }

    /**
     * @param registry pulls and logins go through it
     * @param usage    who uses an image; may supply {@code null} (then images are deleted freely)
     * @param events   the event service; may supply {@code null} (then events are dropped)
     */
    public ImageServiceImpl(ImageStore store, RegistryClient registry, Supplier<ImageUsage> usage,
            Supplier<EventService> events, Clock clock) {
        this.store = store;
        this.importer = new ImageImporter(store, clock);
        this.remover = new ImageRemover(store, usage);
        this.loader = new ImageLoader(store);
        this.saver = new ImageSaver(store);
        this.pruner = new ImagePruner(store, usage);
        this.events = new EventPublisher(events, clock);
        this.puller = new ImagePuller(store, registry);
        this.registry = registry;
    }

    @Override
    public ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
        if (rootfsTar == null) {
            throw new InvalidArgumentException("no archive to import");
        }
        ImportOptions effective = options == null ? new ImportOptions(null, null, null) : options;
        ImageReference target = effective.reference() == null ? null : tagTarget(effective.reference());
        StoredImage image = importer.importImage(rootfsTar, effective, target);
        if (target != null) {
            events.publish("tag", image.id(), target.familiar());
        }
        events.publish("import", image.id(), image.id());
        return store.info(image.id());
    }

    @Override
    public List<ImageInfo> list(boolean all) {
        return store.list();
    }

    @Override
    public ImageInfo inspect(String ref) {
        return store.inspect(requireRef(ref));
    }

    @Override
    public void tag(String source, String target) {
        ImageReference reference = tagTarget(target);
        String id = store.tagResolved(requireRef(source), reference);
        events.publish("tag", id, reference.familiar());
    }

    @Override
    public List<ImageRemoval> remove(String ref, boolean force, boolean noPrune) {
        RemovalOutcome outcome = remover.remove(requireRef(ref), force);
        for (ImageRemoval step : outcome.steps()) {
            events.publish(step.untagged() != null ? "untag" : "delete", outcome.imageId(), outcome.imageId());
        }
        return outcome.steps();
    }

    @Override
    public LoadResult load(InputStream archive, ProgressListener progress) {
        if (archive == null) {
            throw new InvalidArgumentException("no archive to load");
        }
        ImageLoader.Loaded loaded = loader.load(archive, progress == null ? ProgressListener.NONE : progress);
        List<String> references = new ArrayList<>();
        loaded.tags().forEach((reference, id) -> {
            events.publish("tag", id, reference.familiar());
            references.add(reference.familiar());
        });
        Set<String> tagged = new HashSet<>(loaded.tags().values());
        Set<String> untagged = new LinkedHashSet<>();
        for (StoredImage image : loaded.images()) {
            events.publish("load", image.id(), image.id());
            if (!tagged.contains(image.id())) {
                untagged.add(image.id());
            }
        }
        return new LoadResult(references, List.copyOf(untagged));
    }

    @Override
    public void save(List<String> refs, OutputStream out) {
        if (out == null) {
            throw new InvalidArgumentException("no stream to save to");
        }
        saver.save(refs, out);
    }

    @Override
    public List<HistoryEntry> history(String ref) {
        String id = store.resolve(requireRef(ref)).id();
        StoredImage image = store.image(id).orElseThrow(() -> new NotFoundException("No such image: " + ref));
        List<String> tags = store.references(id).stream().filter(r -> !StoredImage.isDigestReference(r))
                .map(r -> ImageReference.parse(r).familiar()).toList();
        return ImageHistory.of(image, tags);
    }

    @Override
    public PruneResult prune(boolean all) {
        ImagePruner.Outcome outcome = pruner.prune(all);
        List<ImageRemoval> steps = outcome.result().removed();
        for (int i = 0; i < steps.size(); i++) {
            String id = outcome.stepImageIds().get(i);
            events.publish(steps.get(i).untagged() != null ? "untag" : "delete", id, id);
        }
        return outcome.result();
    }

    @Override
    public void login(RegistryAuth auth) {
        registry.login(auth == null ? RegistryAuth.NONE : auth);
    }

    @Override
    public PullResult pull(String ref, PullOptions options, ProgressListener progress) {
        ImageReference reference = ImageReference.parse(requireRef(ref));
        PullOptions effective = options == null ? PullOptions.defaults() : options;
        PlatformSpec platform = PlatformSpec.parse(effective.platform());
        PullResult result = puller.pull(reference, platform, effective.auth(), progress);
        events.publish("pull", reference.familiar(), reference.familiarName());
        return result;
    }

    /** A valid {@code name[:tag]} to create; a digest is refused as in Docker. */
    private static ImageReference tagTarget(String text) {
        ImageReference reference = ImageReference.parse(requireRef(text));
        if (reference.digest() != null) {
            throw new InvalidArgumentException("refusing to create a tag with a digest reference");
        }
        return reference;
    }

    private static String requireRef(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new InvalidArgumentException("invalid reference format");
        }
        return ref;
    }
}
