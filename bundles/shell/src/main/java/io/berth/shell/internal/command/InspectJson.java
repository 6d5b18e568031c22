package io.berth.shell.internal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * JSON of the API records laid out as {@code docker inspect} lays out its output (four-space indent,
 * {@code "key": value}), with Java field names; instants (ISO-8601) and paths are written as strings.
 * Thread-safe.
 */
final class InspectJson {

    private static final DefaultIndenter INDENT = new DefaultIndenter("    ", "\n");

    private static final ObjectWriter WRITER = new ObjectMapper()
            .registerModule(new SimpleModule("berth-shell")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(Path.class, ToStringSerializer.instance))
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT)
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator("")));

    private InspectJson() {
    }

    /** A JSON array of the given records. */
    static String array(List<?> records) {
        try {
            return WRITER.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the inspect result as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
