package io.berth.shell.internal.command;

import io.berth.api.image.ImageRemoval;
import io.berth.api.image.PruneResult;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code berth:image-prune}: removes dangling images (with {@code -a}, every image no container uses), after
 * asking for confirmation unless {@code -f} is given, and prints what went and the space reclaimed.
 */
@Command(scope = "berth", name = "image-prune", description = "Remove unused images")
@Service
public class ImagePruneCommand extends BerthCommandSupport {

    static final String DANGLING_WARNING = "WARNING! This will remove all dangling images.";
    static final String ALL_WARNING = "WARNING! This will remove all images without at least one container "
            + "associated to them.";
    static final String QUESTION = "Are you sure you want to continue? [y/N] ";

    @Option(name = "-a", aliases = "--all", description = "Remove all unused images, not just dangling ones")
    boolean all;

    @Option(name = "-f", aliases = "--force", description = "Do not prompt for confirmation")
    boolean force;

    @Reference(optional = true)
    Session session;

    /** Asks the question and returns the answer; {@code null} when nobody can answer. Tests replace it. */
    UnaryOperator<String> prompt = this::readLine;

    @Override
    public Object execute() throws Exception {
        if (!force && !confirmed()) {
            return null;
        }
        PruneResult result = call(() -> imageService().prune(all));
        if (!result.removed().isEmpty()) {
            System.out.println("Deleted Images:");
            for (ImageRemoval step : result.removed()) {
                System.out.println(step.untagged() != null
                        ? "untagged: " + ImageNames.familiarString(step.untagged()) : "deleted: " + step.deleted());
            }
            System.out.println();
        }
        System.out.println("Total reclaimed space: " + HumanFormat.size(result.spaceReclaimed()));
        return null;
    }

    private boolean confirmed() {
        System.out.println(all ? ALL_WARNING : DANGLING_WARNING);
        String answer = prompt.apply(QUESTION);
        if (answer == null) {
            throw new IllegalArgumentException("cannot ask for confirmation here: use -f to prune without asking");
        }
        String trimmed = answer.strip().toLowerCase(Locale.ROOT);
        return trimmed.equals("y") || trimmed.equals("yes");
    }

    private String readLine(String question) {
        if (session == null) {
            return null;
        }
        try {
            return session.readLine(question, null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
