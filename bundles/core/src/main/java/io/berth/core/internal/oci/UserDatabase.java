package io.berth.core.internal.oci;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsers for {@code /etc/passwd} and {@code /etc/group} of an image. They are hostile input: a line that is
 * not well formed (too few fields, an empty name, an id that is not a number in 0..2147483647, longer than
 * {@link #MAX_LINE} characters) is skipped rather than guessed at, so that a broken entry never turns into
 * uid 0. Comments ({@code #}) and NIS lines ({@code +}, {@code -}) are skipped too. Stateless.
 */
final class UserDatabase {

    /** The largest uid or gid. */
    static final long MAX_ID = 2_147_483_647L;

    static final int MAX_LINE = 65_536;

    /** A passwd entry: {@code name:password:uid:gid:gecos:home:shell}. */
    record User(String name, int uid, int gid, String home) {
    }

    /** A group entry: {@code name:password:gid:member,member}. */
    record Group(String name, int gid, List<String> members) {

        Group {
            members = List.copyOf(members);
        }
    }

    private UserDatabase() {
    }

    static List<User> parsePasswd(String text) {
        List<User> users = new ArrayList<>();
        for (String[] fields : lines(text)) {
            if (fields.length < 4 || fields[0].isEmpty()) {
                continue;
            }
            int uid = id(fields[2]);
            int gid = id(fields[3]);
            if (uid >= 0 && gid >= 0) {
                users.add(new User(fields[0], uid, gid, fields.length > 5 ? fields[5] : ""));
            }
        }
        return users;
    }

    static List<Group> parseGroup(String text) {
        List<Group> groups = new ArrayList<>();
        for (String[] fields : lines(text)) {
            if (fields.length < 3 || fields[0].isEmpty()) {
                continue;
            }
            int gid = id(fields[2]);
            if (gid >= 0) {
                groups.add(new Group(fields[0], gid, fields.length > 3 ? members(fields[3]) : List.of()));
            }
        }
        return groups;
    }

    /**
     * A user or group id as written by a user ({@code 1000}, {@code +7}); -1 when it is not a number in
     * 0..{@link #MAX_ID}.
     */
    static int id(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(digits);
        return value > MAX_ID ? -1 : (int) value;
    }

    private static List<String[]> lines(String text) {
        List<String[]> result = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.length() > MAX_LINE || line.indexOf('\0') >= 0
                    || "#+-".indexOf(line.charAt(0)) >= 0) {
                continue;
            }
            result.add(line.split(":", -1));
        }
        return result;
    }

    private static List<String> members(String field) {
        List<String> members = new ArrayList<>();
        for (String member : field.split(",")) {
            if (!member.isBlank()) {
                members.add(member.strip());
            }
        }
        return members;
    }
}
