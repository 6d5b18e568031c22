package io.berth.rest.internal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnauthorizedException;
import io.berth.api.image.HistoryEntry;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;
import io.berth.api.image.LoadResult;
import io.berth.api.image.ProgressListener;
import io.berth.api.image.ProgressEvent;
import io.berth.api.image.PruneResult;
import io.berth.api.image.PullOptions;
import io.berth.api.image.PullResult;
import io.berth.api.image.RegistryAuth;

/** An image store of records; an import's body text becomes the image's comment. */
public final class FakeImages implements ImageService {

    public final Map<String, ImageInfo> byId = new ConcurrentHashMap<>();
    public volatile ImportOptions lastImport;
    public volatile String lastPull;
    public volatile PullOptions lastPullOptions;
    public volatile RegistryAuth lastLogin;
    private int next = 1;

    private static String normalize(String ref) {
        String r = ref.contains(":") ? ref : ref + ":latest";
        return r.contains("/") ? r : "docker.io/library/" + r;
    }

    @Override
    public synchronized ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
        lastImport = options;
        String body;
        try {
            body = new String(rootfsTar.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.equals("bad")) {
            throw new InvalidArgumentException("archive is not a tar");
        }
        String id = "sha256:" + String.format("%064x", next++);
        ImageInfo info = new ImageInfo(id, options.reference() == null ? List.of()
                : List.of(normalize(options.reference())), null, Instant.now(), 1234, "amd64", "linux", "", body,
                null, List.of("sha256:" + "cd".repeat(32)));
        byId.put(id, info);
        return info;
    }

    @Override
    public List<ImageInfo> list(boolean all) {
        return List.copyOf(byId.values());
    }

    @Override
    public ImageInfo inspect(String ref) {
        for (ImageInfo i : byId.values()) {
            if (i.id().equals(ref) || i.id().startsWith("sha256:" + ref) || i.repoTags().contains(normalize(ref))) {
                return i;
            }
        }
        throw new NotFoundException("No such image: " + ref);
    }

    @Override
    public void tag(String source, String target) {
        ImageInfo i = inspect(source);
        List<String> tags = new ArrayList<>(i.repoTags());
        tags.add(normalize(target));
        byId.put(i.id(), new ImageInfo(i.id(), tags, null, i.created(), i.size(), i.architecture(), i.os(), "",
                i.comment(), null, i.diffIds()));
    }

    @Override
    public List<ImageRemoval> remove(String ref, boolean force, boolean noPrune) {
        ImageInfo i = inspect(ref);
        byId.remove(i.id());
        List<ImageRemoval> out = new ArrayList<>();
        i.repoTags().forEach(t -> out.add(ImageRemoval.untagged(t)));
        out.add(ImageRemoval.deleted(i.id()));
        return out;
    }

    @Override
    public LoadResult load(InputStream archive, ProgressListener progress) {
        ImageInfo i = importImage(archive, ImportOptions.tagged("loaded:1"));
        return new LoadResult(i.repoTags(), List.of());
    }

    @Override
    public void save(List<String> refs, OutputStream out) {
        try {
            for (String r : refs) {
                out.write(("tar of " + inspect(r).id() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<HistoryEntry> history(String ref) {
        ImageInfo i = inspect(ref);
        return List.of(new HistoryEntry(i.id(), i.created(), "import", i.repoTags(), i.size(), "imported"));
    }

    @Override
    public PruneResult prune(boolean all) {
        return new PruneResult(List.of(), 0);
    }

    /**
     * A pull of {@code fail/early*} fails before any progress, of {@code fail/late*} after some, of
     * {@code secret/*} without user {@code u}; any other reference "downloads" one layer.
     */
    @Override
    public PullResult pull(String ref, PullOptions options, ProgressListener progress) {
        lastPull = ref;
        lastPullOptions = options;
        if (ref.startsWith("fail/early")) {
            throw new NotFoundException("manifest for " + ref + " not found: manifest unknown");
        }
        if (ref.startsWith("secret/") && !"u".equals(options.auth().username())) {
            throw new UnauthorizedException("no basic auth credentials");
        }
        progress.progress(new ProgressEvent("1", "Pulling from " + ref, 0, 0));
        progress.progress(new ProgressEvent("abc", "Pulling fs layer", 0, 0));
        progress.progress(new ProgressEvent("abc", "Downloading", 5, 10));
        if (ref.startsWith("fail/late")) {
            throw new BerthException("Get \"http://r/v2/\": connection reset");
        }
        progress.progress(new ProgressEvent("abc", "Pull complete", 0, 0));
        progress.progress(new ProgressEvent("", "Digest: sha256:" + "ee".repeat(32), 0, 0));
        progress.progress(new ProgressEvent("", "Status: Downloaded newer image for " + ref, 0, 0));
        return new PullResult(ref, "sha256:" + "ee".repeat(32), "sha256:" + "ff".repeat(32), true);
    }

    /** Accepts any credentials but the password {@code wrong}. */
    @Override
    public void login(RegistryAuth auth) {
        lastLogin = auth;
        if (auth.password().equals("wrong")) {
            throw new UnauthorizedException("Get \"http://" + auth.serverAddress()
                    + "/v2/\": unauthorized: authentication required");
        }
    }
}
