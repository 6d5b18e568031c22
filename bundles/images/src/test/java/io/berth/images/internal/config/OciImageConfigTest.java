package io.berth.images.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.image.ImageConfig;

class OciImageConfigTest {

    private static final String DIFF_ID = "sha256:" + "a".repeat(64);

    private static OciImageConfig sample() {
        ImageConfig defaults = new ImageConfig(List.of("PATH=/bin"), List.of("sh"), List.of(), "/work", "1000",
                Map.of("b", "2", "a", "1"), "SIGTERM", List.of("80/tcp"), List.of("/data"));
        return new OciImageConfig("2024-01-02T03:04:05.123456789Z", null, "amd64", "linux", "imported",
                RuntimeConfig.of(defaults), RootFs.layers(List.of(DIFF_ID)),
                List.of(new HistoryEntry("2024-01-02T03:04:05.123456789Z", null, null, "imported", null)));
    }

    @Test
    void writesTheOciShapeWithDockersFieldNames() throws IOException {
        JsonNode json = Json.mapper().readTree(sample().toJson());
        assertThat(json.get("architecture").asText()).isEqualTo("amd64");
        assertThat(json.get("os").asText()).isEqualTo("linux");
        assertThat(json.get("rootfs").get("type").asText()).isEqualTo("layers");
        assertThat(json.get("rootfs").get("diff_ids").get(0).asText()).isEqualTo(DIFF_ID);
        JsonNode config = json.get("config");
        assertThat(config.get("Env").get(0).asText()).isEqualTo("PATH=/bin");
        assertThat(config.get("Cmd").get(0).asText()).isEqualTo("sh");
        assertThat(config.has("Entrypoint")).as("empty entrypoint omitted").isFalse();
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/work");
        assertThat(config.get("ExposedPorts").get("80/tcp").isObject()).isTrue();
        assertThat(config.get("Volumes").get("/data").isObject()).isTrue();
        assertThat(config.get("StopSignal").asText()).isEqualTo("SIGTERM");
        assertThat(json.get("history").get(0).get("comment").asText()).isEqualTo("imported");
        assertThat(json.has("author")).isFalse();
    }

    @Test
    void serializationIsDeterministic() {
        assertThat(sample().toJson()).isEqualTo(sample().toJson());
        String text = new String(sample().toJson(), StandardCharsets.UTF_8);
        assertThat(text.indexOf("\"a\"")).isLessThan(text.indexOf("\"b\""));
    }

    @Test
    void roundTrips() throws IOException {
        OciImageConfig parsed = OciImageConfig.parse(sample().toJson());
        assertThat(parsed).isEqualTo(OciImageConfig.parse(parsed.toJson()));
        assertThat(parsed.createdAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
        assertThat(parsed.diffIds()).containsExactly(DIFF_ID);
        assertThat(parsed.imageConfig().labels()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(parsed.imageConfig().exposedPorts()).containsExactly("80/tcp");
    }

    @Test
    void readsForeignConfigsTolerantly() throws IOException {
        String foreign = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\","
                + "\"created\":\"2023-05-06T07:08:09+02:00\",\"config\":{\"Cmd\":[\"sh\"],\"OnBuild\":null,"
                + "\"Healthcheck\":{\"Test\":[\"NONE\"]}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
        OciImageConfig parsed = OciImageConfig.parse(foreign.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.architecture()).isEqualTo("arm64");
        assertThat(parsed.createdAt()).isEqualTo(Instant.parse("2023-05-06T05:08:09Z"));
        assertThat(parsed.imageConfig().cmd()).containsExactly("sh");
        assertThat(parsed.imageConfig().env()).isEmpty();
    }

    @Test
    void missingOrBadCreatedIsNull() throws IOException {
        assertThat(OciImageConfig.parse("{}".getBytes(StandardCharsets.UTF_8)).createdAt()).isNull();
        assertThat(OciImageConfig.parse("{\"created\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)).createdAt())
                .isNull();
        assertThat(OciImageConfig.parse("{}".getBytes(StandardCharsets.UTF_8)).imageConfig())
                .isEqualTo(ImageConfig.EMPTY);
    }

    @Test
    void mapsJavaArchitectures() {
        assertThat(Platforms.architecture("amd64")).isEqualTo("amd64");
        assertThat(Platforms.architecture("x86_64")).isEqualTo("amd64");
        assertThat(Platforms.architecture("aarch64")).isEqualTo("arm64");
        assertThat(Platforms.architecture("i386")).isEqualTo("386");
        assertThat(Platforms.architecture("riscv64")).isEqualTo("riscv64");
        assertThat(Platforms.os()).isEqualTo("linux");
    }
}
