package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.error.InvalidArgumentException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InspectCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeContainerService containers = new FakeContainerService().with(Fixtures.running("aa", "web"));
    private final FakeImageService images = new FakeImageService().with(Fixtures.image("ff",
            List.of("docker.io/library/busybox:latest"), List.of(), Instant.parse("2024-01-01T00:00:00Z"), 4261000));
    private final InspectCommand inspect = new InspectCommand();

    @BeforeEach
    void inject() {
        inspect.setContainerService(containers);
        inspect.setImageService(images);
    }

    private JsonNode printedJson() throws Exception {
        return new ObjectMapper().readTree(console.out());
    }

    @Test
    void containersAndImagesLandInOneArray() throws Exception {
        inspect.names = List.of("web", "busybox:latest");

        inspect.execute();

        JsonNode json = printedJson();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("name").asText()).isEqualTo("web");
        assertThat(json.get(0).get("state").get("status").asText()).isEqualTo("RUNNING");
        assertThat(json.get(0).get("state").get("startedAt").asText()).isEqualTo("2024-05-01T11:59:57Z");
        assertThat(json.get(0).get("logPath").asText()).startsWith("/var/lib/berth/containers/");
        assertThat(json.get(1).get("id").asText()).isEqualTo("sha256:" + Fixtures.id("ff"));
        assertThat(json.get(1).get("created").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(console.out()).startsWith("[\n    {\n        \"id\": ");
    }

    @Test
    void unknownNamesAreReportedAfterTheArray() {
        inspect.names = List.of("nosuch", "web");

        assertThatThrownBy(inspect::execute).hasMessageStartingWith("failed to inspect: nosuch\nnosuch: ");
        assertThat(console.out()).contains("\"name\": \"web\"");
        assertThat(console.err()).isEqualTo("Error: No such object: nosuch\n");
    }

    @Test
    void nothingFoundStillPrintsAnEmptyArray() {
        inspect.names = List.of("nosuch");

        assertThatThrownBy(inspect::execute).hasMessageStartingWith("failed to inspect: nosuch\nnosuch: ");
        assertThat(console.out()).isEqualTo("[]\n");
    }

    @Test
    void typeContainerDoesNotLookAtImages() {
        inspect.type = "container";
        inspect.names = List.of("busybox:latest");

        assertThatThrownBy(inspect::execute).isInstanceOf(Exception.class);
        assertThat(console.err()).isEqualTo("Error: No such container: busybox:latest\n");
    }

    @Test
    void typeImageDoesNotLookAtContainers() {
        inspect.type = "image";
        inspect.names = List.of("web");

        assertThatThrownBy(inspect::execute).isInstanceOf(Exception.class);
        assertThat(console.err()).isEqualTo("Error: No such image: web\n");
    }

    @Test
    void otherEngineErrorsAreReportedAsTheyAre() {
        containers.failures.put("a", new InvalidArgumentException("multiple IDs found with provided prefix: a"));
        inspect.names = List.of("a");

        assertThatThrownBy(inspect::execute).isInstanceOf(Exception.class);
        assertThat(console.err()).isEqualTo("Error: multiple IDs found with provided prefix: a\n");
    }

    @Test
    void invalidTypeIsRejected() {
        inspect.type = "volume";
        inspect.names = List.of("web");

        assertThatThrownBy(inspect::execute).hasMessage("\"volume\" is not a valid value for --type");
        assertThat(console.out()).isEmpty();
    }
}
