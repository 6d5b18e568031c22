package io.berth.rest.internal.router.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.ContainerSpec;
import io.berth.api.image.ImportOptions;
import io.berth.rest.internal.TestServers;
import io.berth.rest.internal.testing.FakeContainers;
import io.berth.rest.internal.testing.FakeImages;
import io.berth.rest.internal.testing.RawHttp;
import io.berth.rest.internal.wire.Json;

class DiskUsageRouterTest {

    @TempDir
    Path dir;

    @Test
    void reportsImagesAndContainers() throws Exception {
        FakeContainers containers = new FakeContainers();
        FakeImages images = new FakeImages();
        images.importImage(new ByteArrayInputStream(new byte[0]), ImportOptions.tagged("busybox"));
        containers.create(ContainerSpec.builder("busybox").build(), "c1");
        try (TestServers.Running server = TestServers.start(dir, new DiskUsageRouter(containers, images))) {
            JsonNode df = Json.mapper().readTree(new RawHttp(server.socket()).get("/v1.44/system/df").text());
            assertThat(df.get("LayersSize").asLong()).isEqualTo(1234);
            assertThat(df.get("Images").get(0).get("RepoTags").get(0).asText()).isEqualTo("busybox:latest");
            assertThat(df.get("Containers").get(0).get("Names").get(0).asText()).isEqualTo("/c1");
            assertThat(df.get("Volumes")).isEmpty();
        }
    }
}
