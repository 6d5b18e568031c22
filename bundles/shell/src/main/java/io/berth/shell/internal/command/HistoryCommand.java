package io.berth.shell.internal.command;

import io.berth.api.image.HistoryEntry;
import io.berth.shell.internal.completers.ImageCompleter;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code berth:history}: an image's history, newest step first, in {@code docker history} columns. */
@Command(scope = "berth", name = "history", description = "Show the history of an image")
@Service
public class HistoryCommand extends BerthCommandSupport {

    static final int CREATED_BY_WIDTH = 45;

    @Option(name = "-q", aliases = "--quiet", description = "Only show image IDs")
    boolean quiet;

    @Option(name = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Argument(index = 0, name = "image", description = "The image (reference or ID)", required = true)
    @Completion(ImageCompleter.class)
    String image;

    @Override
    public Object execute() throws Exception {
        List<HistoryEntry> history = call(() -> imageService().history(image));
        if (quiet) {
            history.forEach(step -> System.out.println(id(step)));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("IMAGE");
        table.column("CREATED");
        table.column("CREATED BY");
        table.column("SIZE");
        table.column("COMMENT");
        Instant now = clock().instant();
        for (HistoryEntry step : history) {
            table.addRow().addContent(id(step), ContainerColumns.ago(step.created(), now), createdBy(step),
                    HumanFormat.size(step.size()), step.comment());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    private String id(HistoryEntry step) {
        return noTrunc || !step.id().startsWith("sha256:") ? step.id() : ImageNames.shortId(step.id());
    }

    /** Docker shows the instruction on one line, cut to 45 characters with an ellipsis. */
    private String createdBy(HistoryEntry step) {
        String text = step.createdBy().replace('\t', ' ').replace('\n', ' ');
        if (noTrunc || text.length() <= CREATED_BY_WIDTH) {
            return text;
        }
        return text.substring(0, CREATED_BY_WIDTH - 1) + "…";
    }
}
