package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.error.UnavailableException;
import io.berth.api.system.SystemInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** runtimes and info. */
class SystemCommandsTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final FakeSystemService system = new FakeSystemService();

    @Test
    void runtimesTableMarksTheDefaultAndExplainsState() throws Exception {
        RuntimesCommand runtimes = new RuntimesCommand();
        runtimes.setSystemService(system);

        runtimes.execute();

        assertThat(Tables.rows(console.out())).containsExactly(
                List.of("NAME", "VERSION", "BUNDLE", "BINARY", "STATE", "CONTAINERS"),
                List.of("crun", "", "", "", "absent", "1"),
                List.of("mock *", "1.0", "berth-runtime-mock 0.1.0", "", "ready", "2"),
                List.of("runc", "1.1.12", "berth-runtime-runc 0.1.0", "/usr/bin/runc", "not ready: conmon not found",
                        "0"));
    }

    @Test
    void runtimesWithoutFormatHasNoHeader() throws Exception {
        RuntimesCommand runtimes = new RuntimesCommand();
        runtimes.setSystemService(system);
        runtimes.noFormat = true;

        runtimes.execute();

        assertThat(Tables.rows(console.out())).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(6));
    }

    @Test
    void infoPrintsDockerLikeBlock() throws Exception {
        InfoCommand info = new InfoCommand();
        info.setSystemService(system);

        info.execute();

        assertThat(console.out()).isEqualTo("""
                Containers: 3
                 Running: 1
                 Paused: 1
                 Stopped: 1
                Images: 4
                Root Dir: /var/lib/berth
                Run Dir: /run/berth
                Default Runtime: mock
                Runtimes: crun mock runc
                Berth Version: 0.1.0
                """);
    }

    @Test
    void engineFailureSurfacesWithItsMessage() {
        InfoCommand info = new InfoCommand();
        info.setSystemService(new FakeSystemService() {
            @Override
            public SystemInfo info() {
                throw new UnavailableException("engine is starting");
            }
        });

        assertThatThrownBy(info::execute).isExactlyInstanceOf(Exception.class).hasMessage("engine is starting");
    }
}
