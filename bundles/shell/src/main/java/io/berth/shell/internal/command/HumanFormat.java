package io.berth.shell.internal.command;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations and sizes the way the docker CLI shows them (go-units {@code HumanDuration} and
 * {@code HumanSizeWithPrecision(size, 3)}). Stateless and thread-safe.
 */
public final class HumanFormat {

    private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final int SIZE_PRECISION = 3;

    private HumanFormat() {
    }

    /**
     * "Less than a second", "1 second", "N seconds", "About a minute", ... "N years"; a negative duration
     * (clock skew) is "Less than a second".
     */
    public static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        return hoursAndLonger(d);
    }

    private static String hoursAndLonger(Duration d) {
        // Go's Duration.Round(time.Hour): halves round away from zero
        long hours = d.plusMinutes(30).toHours();
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** Bytes in decimal units with three significant digits: {@code 4261000} is "4.26MB", {@code 12} is "12B". */
    public static String size(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        return goFormatG(size, SIZE_PRECISION) + DECIMAL_UNITS[unit];
    }

    /** Bytes in binary units with four significant digits, as {@code docker stats} shows memory: "1.5MiB". */
    public static String binarySize(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return goFormatG(size, 4) + units[unit];
    }

    /**
     * Go's {@code %.<precision>g}: the shortest of plain and exponent notation, trailing zeros removed
     * ({@code 999.9} with precision 3 is "1e+03", as the docker CLI prints it).
     */
    static String goFormatG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + String.format(Locale.ROOT, "e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
