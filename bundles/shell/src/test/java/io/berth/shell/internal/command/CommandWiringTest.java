package io.berth.shell.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.junit.jupiter.api.Test;

/** What Karaf's shell extender needs to find the commands: the annotations and the manifest header. */
class CommandWiringTest {

    private static final List<Class<? extends Action>> COMMANDS = List.of(RunCommand.class, PsCommand.class,
            LogsCommand.class, StopCommand.class, KillCommand.class, RmCommand.class, StartCommand.class,
            RestartCommand.class, PauseCommand.class, UnpauseCommand.class, RenameCommand.class, WaitCommand.class,
            InspectCommand.class, ImagesCommand.class, ImportCommand.class, RmiCommand.class, TagCommand.class,
            RuntimesCommand.class, InfoCommand.class, PullCommand.class);

    @Test
    void everyCommandIsAnAnnotatedServiceInTheBerthScope() {
        for (Class<? extends Action> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            assertThat(command).as(type.getSimpleName()).isNotNull();
            assertThat(command.scope()).isEqualTo("berth");
            assertThat(type.getSimpleName()).isEqualToIgnoringCase(command.name() + "Command");
            assertThat(type.isAnnotationPresent(Service.class)).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void bundleManifestCarriesTheKarafCommandsHeader() throws Exception {
        Path manifest = Path.of("target/classes/META-INF/MANIFEST.MF");
        try (InputStream in = Files.newInputStream(manifest)) {
            assertThat(new Manifest(in).getMainAttributes().getValue("Karaf-Commands")).isEqualTo("*");
        }
    }
}
