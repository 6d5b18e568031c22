package io.berth.shell.internal.command;

import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory image store that records calls; refs in {@link #failures} raise the given exception. */
class FakeImageService implements ImageService {

    final List<ImageInfo> images = new ArrayList<>();
    final Map<String, BerthException> failures = new LinkedHashMap<>();
    final Map<String, List<ImageRemoval>> removals = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    byte[] imported;
    ImportOptions importOptions;
    Boolean listedAll;
    byte[] loaded;
    LoadResult loadResult = new LoadResult(List.of(), List.of());
    List<String> saved;
    byte[] saveContent = "archive".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<HistoryEntry> history = List.of();
    PruneResult pruneResult = new PruneResult(List.of(), 0);
    List<ProgressEvent> pullEvents = List.of();
    PullResult pullResult;

    FakeImageService with(ImageInfo image) {
        images.add(image);
        return this;
    }

    @Override
    public ImageInfo importImage(InputStream rootfsTar, ImportOptions options) {
        try {
            imported = rootfsTar.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        importOptions = options;
        return Fixtures.image("abcdef", List.of(), List.of(), Fixtures.NOW, imported.length);
    }

    @Override
    public List<ImageInfo> list(boolean all) {
        listedAll = all;
        return List.copyOf(images);
    }

    @Override
    public ImageInfo inspect(String ref) {
        BerthException failure = failures.get(ref);
        if (failure != null) {
            throw failure;
        }
        return images.stream()
                .filter(i -> i.id().equals(ref) || ImageNames.shortId(i.id()).startsWith(ref)
                        || i.repoTags().stream().anyMatch(t -> ImageNames.familiarString(t).equals(ref)))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such image: " + ref));
    }

    @Override
    public void tag(String source, String target) {
        inspect(source);
        calls.add("tag " + source + " " + target);
    }

    @Override
    public List<ImageRemoval> remove(String ref, boolean force, boolean noPrune) {
        inspect(ref);
        calls.add("remove " + ref + " force=" + force + " noPrune=" + noPrune);
        return removals.getOrDefault(ref, List.of());
    }

    @Override
    public LoadResult load(InputStream archive, ProgressListener progress) {
        try {
            loaded = archive.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BerthException failure = failures.get("load");
        if (failure != null) {
            throw failure;
        }
        return loadResult;
    }

    @Override
    public void save(List<String> refs, OutputStream out) {
        refs.forEach(this::inspect);
        saved = List.copyOf(refs);
        try {
            out.write(saveContent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BerthException failure = failures.get("save");
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public List<HistoryEntry> history(String ref) {
        inspect(ref);
        return history;
    }

    @Override
    public PruneResult prune(boolean all) {
        calls.add("prune all=" + all);
        return pruneResult;
    }

    /** Plays {@link #pullEvents} to the listener, then answers {@link #pullResult} (or the failure of the ref). */
    @Override
    public PullResult pull(String ref, PullOptions options, ProgressListener progress) {
        calls.add("pull " + ref + " platform=" + options.platform());
        pullEvents.forEach(progress::progress);
        BerthException failure = failures.get(ref);
        if (failure != null) {
            throw failure;
        }
        return pullResult;
    }

    @Override
    public void login(io.berth.api.image.RegistryAuth auth) {
        throw new UnsupportedOperationException("the console has no login command");
    }
}
