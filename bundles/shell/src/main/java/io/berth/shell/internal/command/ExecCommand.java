package io.berth.shell.internal.command;

import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogStream;
import io.berth.api.error.BerthException;
import io.berth.shell.internal.completers.ContainerCompleter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code berth:exec}: runs a command in a running container, like {@code docker exec}: prints its output and
 * returns its exit code. A command that cannot be run prints the error and returns 126 or 127.
 */
@Command(scope = "berth", name = "exec", description = "Execute a command in a running container")
@Service
public class ExecCommand extends BerthCommandSupport {

    @Reference
    private ExecService execService;

    @Option(name = "-e", aliases = "--env", multiValued = true, description = "Set environment variables (KEY=value)")
    List<String> env;

    @Option(name = "-w", aliases = "--workdir", description = "Working directory inside the container")
    String workdir;

    @Option(name = "-u", aliases = "--user", description = "Username or UID (format: <name|uid>[:<group|gid>])")
    String user;

    @Argument(index = 0, name = "container", description = "The container", required = true)
    @Completion(ContainerCompleter.class)
    String container;

    @Argument(index = 1, name = "command", description = "The command and its arguments", required = true,
            multiValued = true)
    List<String> command;

    @Override
    public Object execute() throws Exception {
        String execId = call(() -> execService.create(container, new ExecSpec(command, env, workdir, user, false,
                false)));
        try {
            execService.start(execId);
        } catch (BerthException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.flush();
            Integer code = execService.inspect(execId).exitCode();
            return code != null && code != 0 ? code : StartFailures.exitCode(e.getMessage(), 0);
        }
        try (LogStream output = call(() -> execService.output(execId, true))) {
            new LogPrinter(false).copy(output);
        }
        try {
            return execService.waitFor(execId).get();
        } catch (ExecutionException e) {
            throw new Exception(e.getCause().getMessage(), e.getCause());
        }
    }

    public void setExecService(ExecService execService) {
        this.execService = execService;
    }
}
