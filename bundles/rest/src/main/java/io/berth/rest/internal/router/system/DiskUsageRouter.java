package io.berth.rest.internal.router.system;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerService;
import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.ContainerWire;
import io.berth.rest.internal.wire.ImageWire;

/**
 * {@code GET /system/df} ({@code docker system df}): images with their sizes, containers, no volumes or build
 * cache. A router of its own because it needs both the engine and the image store.
 */
@Component(service = Router.class)
public class DiskUsageRouter implements Router {

    private final ContainerService containers;
    private final ImageService images;

    @Activate
    public DiskUsageRouter(@Reference ContainerService containers, @Reference ImageService images) {
        this.containers = containers;
        this.images = images;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/system/df", this::getSystemDf));
    }

    void getSystemDf(ApiExchange ex) {
        List<ImageInfo> all = images.list(true);
        Instant now = Instant.now();
        Map<String, Object> df = new LinkedHashMap<>();
        df.put("LayersSize", all.stream().mapToLong(ImageInfo::size).sum());
        df.put("Images", all.stream().map(i -> ImageWire.summary(i, !ex.version().atLeast(44))).toList());
        df.put("Containers", containers.list(ContainerFilter.ALL).stream()
                .map(c -> ContainerWire.summary(c, true, now)).toList());
        df.put("Volumes", List.of());
        df.put("BuildCache", List.of());
        ex.json(200, df);
    }
}
