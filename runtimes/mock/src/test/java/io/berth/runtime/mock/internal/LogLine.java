package io.berth.runtime.mock.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One k8s-file log line parsed back, to assert on what the runtime wrote. */
record LogLine(Instant time, String stream, String flag, String text) {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}\\+00:00) (stdout|stderr) ([FP]) (.*)");

    /** Parses a line; fails the test if it does not have conmon's exact format. */
    static LogLine parse(String line) {
        Matcher matcher = FORMAT.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a k8s-file line: '" + line + "'");
        }
        Instant time = OffsetDateTime.parse(matcher.group(1), LogWriter.TIMESTAMP).toInstant();
        return new LogLine(time, matcher.group(2), matcher.group(3), matcher.group(4));
    }

    /** Every line of a log file; the file must end with a newline. */
    static List<LogLine> readAll(Path log) {
        try {
            String content = Files.readString(log);
            if (!content.isEmpty() && !content.endsWith("\n")) {
                throw new AssertionError("log does not end with a newline: " + content);
            }
            return content.lines().map(LogLine::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
