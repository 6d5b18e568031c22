package io.berth.shell.internal.command;

import io.berth.api.image.ImageInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code berth:images}: lists images in {@code docker images} columns, newest first, one row per tag;
 * {@code --filter dangling=true} keeps only untagged images.
 */
@Command(scope = "berth", name = "images", description = "List images")
@Service
public class ImagesCommand extends BerthCommandSupport {

    private static final Comparator<ImageInfo> NEWEST_FIRST =
            Comparator.comparing(ImageInfo::created, Comparator.nullsLast(Comparator.reverseOrder()));

    @Option(name = "-a", aliases = "--all", description = "Show all images (default hides intermediate images)")
    boolean all;

    @Option(name = "-q", aliases = "--quiet", description = "Only show image IDs")
    boolean quiet;

    @Option(name = "--no-trunc", description = "Don't truncate output")
    boolean noTrunc;

    @Option(name = "--digests", description = "Show digests")
    boolean digests;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Option(name = "-f", aliases = "--filter", multiValued = true,
            description = "Filter output based on conditions provided (dangling=true|false)")
    List<String> filters;

    @Override
    public Object execute() throws Exception {
        Predicate<ImageInfo> filter = ImageFilters.parse(filters);
        List<ImageInfo> images = new ArrayList<>(call(() -> imageService().list(all)));
        images.removeIf(filter.negate());
        images.sort(NEWEST_FIRST);
        if (quiet) {
            uniqueIds(images).forEach(System.out::println);
        } else {
            table(images).print(System.out, !noFormat);
        }
        return null;
    }

    private Set<String> uniqueIds(List<ImageInfo> images) {
        Set<String> ids = new LinkedHashSet<>();
        images.forEach(image -> ids.add(id(image)));
        return ids;
    }

    private ShellTable table(List<ImageInfo> images) {
        ShellTable table = new ShellTable();
        table.column("REPOSITORY");
        table.column("TAG");
        if (digests) {
            table.column("DIGEST");
        }
        table.column("IMAGE ID");
        table.column("CREATED");
        table.column("SIZE");
        Instant now = clock().instant();
        for (ImageInfo image : images) {
            for (ImageRows.ImageRow row : ImageRows.rows(image)) {
                List<Object> cells = new ArrayList<>(List.of(row.repository(), row.tag()));
                if (digests) {
                    cells.add(row.digest());
                }
                cells.addAll(List.of(id(image), ContainerColumns.ago(image.created(), now),
                        HumanFormat.size(image.size())));
                table.addRow().addContent(cells);
            }
        }
        return table;
    }

    private String id(ImageInfo image) {
        return noTrunc ? image.id() : ImageNames.shortId(image.id());
    }
}
