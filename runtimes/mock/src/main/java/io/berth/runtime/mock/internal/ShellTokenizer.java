package io.berth.runtime.mock.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code sh -c} script into commands and words: {@code ;} and newlines separate commands, blanks
 * separate words; single quotes, double quotes, backslash escapes, {@code #} comments and {@code $NAME} /
 * {@code ${NAME}} expansion from the process environment work as in a POSIX shell (unset names expand to
 * nothing). There is no field splitting, globbing, pipes or {@code &&}. Not thread-safe; use {@link #split}.
 */
final class ShellTokenizer {

    private final String script;
    private final ProcessSpec process;
    private final List<List<String>> commands = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private StringBuilder word;
    private boolean wordQuoted;
    private int pos;

    private ShellTokenizer(String script, ProcessSpec process) {
        this.script = script;
        this.process = process;
    }

    /**
     * The script's non-empty commands, each a list of words.
     *
     * @throws IllegalArgumentException with busybox's wording for an unterminated quote
     */
    static List<List<String>> split(String script, ProcessSpec process) {
        return new ShellTokenizer(script, process).run();
    }

    private List<List<String>> run() {
        while (pos < script.length()) {
            char c = script.charAt(pos++);
            switch (c) {
                case ';', '\n' -> endCommand();
                case ' ', '\t' -> endWord();
                case '\'' -> singleQuoted();
                case '"' -> doubleQuoted();
                case '\\' -> word().append(pos < script.length() ? script.charAt(pos++) : '\\');
                case '$' -> word().append(expansion());
                case '#' -> comment(c);
                default -> word().append(c);
            }
        }
        endCommand();
        return commands;
    }

    private void singleQuoted() {
        int end = script.indexOf('\'', pos);
        if (end < 0) {
            throw unterminated();
        }
        quotedWord().append(script, pos, end);
        pos = end + 1;
    }

    private void doubleQuoted() {
        StringBuilder quoted = quotedWord();
        while (pos < script.length()) {
            char c = script.charAt(pos++);
            if (c == '"') {
                return;
            } else if (c == '\\' && pos < script.length() && "\"\\$`".indexOf(script.charAt(pos)) >= 0) {
                quoted.append(script.charAt(pos++));
            } else if (c == '$') {
                quoted.append(expansion());
            } else {
                quoted.append(c);
            }
        }
        throw unterminated();
    }

    /** Expands the name after a {@code $}; a {@code $} without a name stays literal. */
    private String expansion() {
        if (pos < script.length() && script.charAt(pos) == '{') {
            int end = script.indexOf('}', pos);
            if (end < 0) {
                throw new IllegalArgumentException("sh: syntax error: bad substitution");
            }
            String name = script.substring(pos + 1, end);
            pos = end + 1;
            return valueOf(name);
        }
        int start = pos;
        while (pos < script.length() && isNameChar(script.charAt(pos), pos == start)) {
            pos++;
        }
        return start == pos ? "$" : valueOf(script.substring(start, pos));
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    private String valueOf(String name) {
        String value = process.getenv(name);
        return value == null ? "" : value;
    }

    private void comment(char c) {
        if (word != null) {
            word.append(c);
            return;
        }
        while (pos < script.length() && script.charAt(pos) != '\n') {
            pos++;
        }
    }

    private StringBuilder word() {
        if (word == null) {
            word = new StringBuilder();
        }
        return word;
    }

    private StringBuilder quotedWord() {
        wordQuoted = true;
        return word();
    }

    private void endWord() {
        if (word != null && (word.length() > 0 || wordQuoted)) {
            words.add(word.toString());
        }
        word = null;
        wordQuoted = false;
    }

    private void endCommand() {
        endWord();
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
        }
        words = new ArrayList<>();
    }

    private static IllegalArgumentException unterminated() {
        return new IllegalArgumentException("sh: syntax error: unterminated quoted string");
    }
}
