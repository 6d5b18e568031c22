package io.berth.runtime.oci.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the human part of what a runtime printed. runc logs with logrus
 * ({@code time="..." level=error msg="container does not exist"}); crun prints plain text.
 */
final class RuntimeMessages {

    private static final Pattern LOGRUS_MESSAGE = Pattern.compile("msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RuntimeMessages() {
    }

    /** The message(s) in {@code output}, one per line, with logrus framing and escapes removed. */
    static String clean(String output) {
        if (output == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : output.strip().split("\n")) {
            String message = messageOf(line.strip());
            if (!message.isEmpty()) {
                text.append(text.length() == 0 ? "" : "; ").append(message);
            }
        }
        return text.toString();
    }

    private static String messageOf(String line) {
        Matcher matcher = LOGRUS_MESSAGE.matcher(line);
        if (!matcher.find()) {
            return line;
        }
        return matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
