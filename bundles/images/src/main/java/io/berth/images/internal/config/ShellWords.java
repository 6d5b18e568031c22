package io.berth.images.internal.config;

import java.util.ArrayList;
import java.util.List;

import io.berth.api.error.InvalidArgumentException;

/**
 * Splits a Dockerfile argument string into words the way Docker's lexer does for {@code ENV} and
 * {@code LABEL}: whitespace separates words, single quotes keep everything, double quotes keep everything
 * but {@code \"} and {@code \\}, and a backslash outside quotes escapes the next character. Variables are
 * not expanded. Stateless.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words of {@code text}; an unterminated quote is an {@link InvalidArgumentException}. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            i = consume(text, i, word);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the token starting at {@code i} to {@code word}; returns the index of its last character. */
    private static int consume(String text, int i, StringBuilder word) {
        char c = text.charAt(i);
        if (c == '\'') {
            int end = closingQuote(text, i, '\'');
            word.append(text, i + 1, end);
            return end;
        }
        if (c == '"') {
            return doubleQuoted(text, i, word);
        }
        if (c == '\\' && i + 1 < text.length()) {
            word.append(text.charAt(i + 1));
            return i + 1;
        }
        word.append(c);
        return i;
    }

    private static int doubleQuoted(String text, int start, StringBuilder word) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                i++;
                c = text.charAt(i);
            }
            word.append(c);
        }
        throw unterminated(text);
    }

    private static int closingQuote(String text, int start, char quote) {
        int end = text.indexOf(quote, start + 1);
        if (end < 0) {
            throw unterminated(text);
        }
        return end;
    }

    private static InvalidArgumentException unterminated(String text) {
        return new InvalidArgumentException("unexpected end of statement while looking for matching quote: " + text);
    }
}
