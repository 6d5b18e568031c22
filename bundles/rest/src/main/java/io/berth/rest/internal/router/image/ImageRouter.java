package io.berth.rest.internal.router.image;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotImplementedException;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImportOptions;
import io.berth.api.image.LoadResult;
import io.berth.api.image.ProgressListener;
import io.berth.api.image.PruneResult;
import io.berth.api.image.PullOptions;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.ErrorMapper;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.Filters;
import io.berth.rest.internal.wire.ImageWire;
import io.berth.rest.internal.wire.Json;
import io.berth.rest.internal.wire.RegistryAuthHeader;

/**
 * {@code /images}: list, inspect, history, tag, remove, pull ({@code fromImage}) and import ({@code fromSrc}),
 * load, save, prune; and {@code POST /auth} ({@code docker login}): the registry checks the credentials, nothing is
 * stored (the client keeps them and sends them with each pull, {@code X-Registry-Auth}).
 */
@Component(service = Router.class)
public class ImageRouter implements Router {

    private final ImageService images;

    @Activate
    public ImageRouter(@Reference ImageService images) {
        this.images = images;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/images/json", this::getImagesJson),
                Route.get("/images/get", this::getImagesGet),
                Route.get("/images/{name*}/json", this::getImageJson),
                Route.get("/images/{name*}/history", this::getImageHistory),
                Route.get("/images/{name*}/get", this::getImageGet),
                // POST
                Route.post("/images/create", this::postImagesCreate),
                Route.post("/images/load", this::postImagesLoad),
                Route.post("/images/prune", this::postImagesPrune),
                Route.post("/images/{name*}/tag", this::postImageTag),
                Route.post("/auth", this::postAuth),
                // DELETE
                Route.delete("/images/{name*}", this::deleteImage));
    }

    void getImagesJson(ApiExchange ex) {
        ImageListFilter filter = new ImageListFilter(Filters.parse(ex.query().get("filters"), ImageListFilter.KEYS));
        boolean virtualSize = !ex.version().atLeast(44);
        ex.json(200, images.list(ex.query().bool("all", false)).stream().filter(filter::matches)
                .map(i -> ImageWire.summary(i, virtualSize)).toList());
    }

    void getImageJson(ApiExchange ex) {
        ex.json(200, ImageWire.inspect(images.inspect(ex.param("name")), !ex.version().atLeast(44)));
    }

    void getImageHistory(ApiExchange ex) {
        ex.json(200, images.history(ex.param("name")).stream().map(ImageWire::history).toList());
    }

    void postImageTag(ApiExchange ex) {
        String repo = ex.query().get("repo");
        if (repo == null || repo.isEmpty()) {
            throw new InvalidArgumentException("repository name must have at least one component");
        }
        String tag = ex.query().get("tag");
        images.tag(ex.param("name"), tag == null || tag.isEmpty() ? repo : repo + ":" + tag);
        ex.empty(201);
    }

    void deleteImage(ApiExchange ex) {
        ex.json(200, images.remove(ex.param("name"), ex.query().bool("force", false),
                ex.query().bool("noprune", false)).stream().map(ImageWire::removal).toList());
    }

    void postImagesCreate(ApiExchange ex) throws Exception {
        String fromSrc = ex.query().get("fromSrc");
        if (fromSrc == null || fromSrc.isEmpty()) {
            pull(ex);
            return;
        }
        if (!"-".equals(fromSrc)) {
            throw new NotImplementedException("importing from a URL is not supported yet: use 'docker import -'");
        }
        ImageInfo imported = images.importImage(ex.rawBody(), new ImportOptions(reference(ex),
                ex.query().get("message"), ex.query().all("changes")));
        try (OutputStream out = ex.stream(200, ApiExchange.JSON)) {
            out.write(line(Map.of("status", imported.id())));
        }
    }

    /**
     * {@code fromImage=docker.io/library/busybox&tag=latest} (the tag may be a digest); streams Docker's progress.
     * An error before the first progress message is an error status, after it an {@code errorDetail} line.
     */
    private void pull(ApiExchange ex) throws Exception {
        String fromImage = ex.query().get("fromImage");
        if (fromImage == null || fromImage.isEmpty()) {
            throw new InvalidArgumentException("fromImage or fromSrc is required");
        }
        PullOptions options = new PullOptions(ex.query().get("platform"),
                RegistryAuthHeader.decode(ex.header(RegistryAuthHeader.NAME)));
        try (ProgressStream progress = new ProgressStream(ex)) {
            try {
                images.pull(pullReference(fromImage, ex.query().get("tag")), options, progress::progress);
            } catch (RuntimeException e) {
                if (!progress.started()) {
                    throw e;
                }
                progress.error(ErrorMapper.map(e, "POST /images/create").message());
            }
        }
    }

    /** Docker's rule: a {@code tag} parameter replaces the tag of {@code fromImage}; a digest-shaped one pins it. */
    static String pullReference(String fromImage, String tag) {
        if (tag == null || tag.isEmpty()) {
            return fromImage;
        }
        String name = fromImage;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        return name + (tag.contains(":") ? "@" : ":") + tag;
    }

    private static String reference(ApiExchange ex) {
        String repo = ex.query().get("repo");
        String tag = ex.query().get("tag");
        if (repo == null || repo.isEmpty()) {
            return null;
        }
        return tag == null || tag.isEmpty() ? repo : repo + ":" + tag;
    }

    void postImagesLoad(ApiExchange ex) throws Exception {
        LoadResult loaded = images.load(ex.rawBody(), ProgressListener.NONE);
        try (OutputStream out = ex.stream(200, ApiExchange.JSON)) {
            for (String ref : loaded.references()) {
                out.write(line(Map.of("stream", "Loaded image: " + ImageWire.familiar(ref) + "\n")));
            }
            for (String id : loaded.imageIds()) {
                out.write(line(Map.of("stream", "Loaded image ID: " + id + "\n")));
            }
        }
    }

    void getImagesGet(ApiExchange ex) throws Exception {
        save(ex, ex.query().all("names"));
    }

    void getImageGet(ApiExchange ex) throws Exception {
        save(ex, List.of(ex.param("name")));
    }

    private void save(ApiExchange ex, List<String> names) throws Exception {
        if (names.isEmpty()) {
            throw new InvalidArgumentException("no images named: use names=IMAGE");
        }
        names.forEach(images::inspect);
        try (OutputStream out = ex.stream(200, "application/x-tar")) {
            images.save(names, out);
        }
    }

    void postImagesPrune(ApiExchange ex) {
        Filters filters = Filters.parse(ex.query().get("filters"), java.util.Set.of("dangling", "until", "label"));
        boolean all = filters.get("dangling").contains("false") || filters.get("dangling").contains("0");
        PruneResult r = images.prune(all);
        List<Map<String, Object>> deleted = new ArrayList<>();
        r.removed().forEach(x -> deleted.add(ImageWire.removal(x)));
        ex.json(200, Map.of("ImagesDeleted", deleted, "SpaceReclaimed", r.spaceReclaimed()));
    }

    void postAuth(ApiExchange ex) throws Exception {
        RegistryAuthHeader.AuthConfig config = ex.body(RegistryAuthHeader.AuthConfig.class);
        if (config == null) {
            throw new InvalidArgumentException("a login needs a body with the credentials");
        }
        images.login(config.credentials());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Status", "Login Succeeded");
        answer.put("IdentityToken", "");
        ex.json(200, answer);
    }

    private static byte[] line(Object message) {
        byte[] json = Json.write(message);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }
}
