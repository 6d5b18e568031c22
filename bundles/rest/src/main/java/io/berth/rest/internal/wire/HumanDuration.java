package io.berth.rest.internal.wire;

import java.time.Duration;

/** Docker's "human duration" wording ({@code Less than a second}, {@code About a minute}, {@code 2 hours}...). */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String of(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        long days = hours / 24;
        if (days < 14) {
            return days + " days";
        }
        if (days < 60) {
            return days / 7 + " weeks";
        }
        if (days < 730) {
            return days / 30 + " months";
        }
        return days / 365 + " years";
    }
}
