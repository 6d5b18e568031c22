package io.berth.shell.internal.command;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.CreateResult;
import io.berth.api.error.BerthException;
import io.berth.shell.internal.completers.ImageCompleter;
import io.berth.shell.internal.completers.RuntimeCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:run}: creates and starts a container, like {@code docker run}. Detached, it prints the id.
 * Attached, it prints the container's output until it exits and returns the exit code; Ctrl-C detaches and
 * leaves the container running. When the start fails it prints the error and returns the exit code Docker
 * would (127 for a missing executable, 126 for one that cannot be run, 125 otherwise).
 */
@Command(scope = "berth", name = "run", description = "Create and run a new container from an image")
@Service
public class RunCommand extends BerthCommandSupport {

    @Option(name = "-d", aliases = "--detach", description = "Run container in background and print container ID")
    boolean detach;

    @Option(name = "--name", description = "Assign a name to the container")
    String name;

    @Option(name = "--runtime", description = "Runtime to use for this container")
    @Completion(RuntimeCompleter.class)
    String runtime;

    @Option(name = "-e", aliases = "--env", multiValued = true, description = "Set environment variables (KEY=value)")
    List<String> env;

    @Option(name = "-w", aliases = "--workdir", description = "Working directory inside the container")
    String workdir;

    @Option(name = "--rm", description = "Automatically remove the container when it exits")
    boolean rm;

    @Option(name = "-u", aliases = "--user", description = "Username or UID (format: <name|uid>[:<group|gid>])")
    String user;

    @Option(name = "-l", aliases = "--label", multiValued = true,
            description = "Set meta data on a container (key=value)")
    List<String> labels;

    @Option(name = "--hostname", description = "Container host name")
    String hostname;

    @Option(name = "--entrypoint", description = "Overwrite the default ENTRYPOINT of the image (\"\" clears it)")
    String entrypoint;

    @Argument(index = 0, name = "image", description = "The image to run", required = true)
    @Completion(ImageCompleter.class)
    String image;

    @Argument(index = 1, name = "command", description = "The command and its arguments", multiValued = true)
    List<String> command;

    @Override
    public Object execute() throws Exception {
        ContainerSpec spec = spec();
        CreateResult created = call(() -> containerService().create(spec, name));
        created.warnings().forEach(warning -> System.err.println("WARNING: " + warning));
        try {
            containerService().start(created.id());
        } catch (BerthException e) {
            return startFailed(created.id(), e);
        }
        if (detach) {
            System.out.println(created.id());
            return null;
        }
        return new AttachedRun(containerService(), created.id(), rm).printOutputAndWait();
    }

    ContainerSpec spec() {
        ContainerSpec.Builder builder = ContainerSpec.builder(image)
                .cmd(command == null || command.isEmpty() ? null : command)
                .env(env)
                .workingDir(workdir)
                .user(user)
                .hostname(hostname)
                .labels(KeyValue.labels(labels))
                .runtime(runtime)
                // attached runs remove the container themselves once its output is read
                .autoRemove(rm && detach);
        if (entrypoint != null) {
            builder.entrypoint(entrypoint.isEmpty() ? List.of() : List.of(entrypoint));
        }
        return builder.build();
    }

    private int startFailed(String id, BerthException failure) {
        System.err.println("Error: " + failure.getMessage());
        System.err.flush();
        int exitCode = StartFailures.exitCode(failure.getMessage(), recordedExitCode(id));
        if (rm) {
            AttachedRun.removeQuietly(containerService(), id);
        }
        return exitCode;
    }

    private int recordedExitCode(String id) {
        try {
            return containerService().inspect(id).state().exitCode();
        } catch (BerthException gone) {
            return 0;
        }
    }
}
