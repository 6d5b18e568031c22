package io.berth.runtime.mock.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the operands of {@code sleep}: decimal numbers with an optional unit suffix ({@code s}, {@code m},
 * {@code h}, {@code d}), summed like GNU sleep; {@code infinity} (or {@code inf}) sleeps forever.
 */
final class SleepArgument {

    /** Longer sleeps (a century) are endless: keeps timer delays within a long of nanoseconds. */
    private static final Duration LONGEST = Duration.ofDays(36_500);

    private static final Pattern NUMBER = Pattern.compile("[0-9]+\\.?[0-9]*|\\.[0-9]+");

    private SleepArgument() {
    }

    /**
     * The total duration, or {@code null} for an endless sleep.
     *
     * @throws IllegalArgumentException with busybox's wording when an operand is missing or not a number
     */
    static Duration parse(List<String> operands) {
        if (operands.isEmpty()) {
            throw new IllegalArgumentException("sleep: missing operand");
        }
        Duration total = Duration.ZERO;
        for (String operand : operands) {
            Duration one = parseOne(operand);
            if (one == null) {
                return null;
            }
            total = total.plus(one);
        }
        return total.compareTo(LONGEST) > 0 ? null : total;
    }

    private static Duration parseOne(String operand) {
        if (operand.equals("infinity") || operand.equals("inf")) {
            return null;
        }
        char unit = operand.isEmpty() ? ' ' : operand.charAt(operand.length() - 1);
        boolean hasUnit = "smhd".indexOf(unit) >= 0;
        String number = hasUnit ? operand.substring(0, operand.length() - 1) : operand;
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("sleep: invalid number '" + operand + "'");
        }
        BigDecimal seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(secondsPerUnit(unit)));
        if (seconds.compareTo(BigDecimal.valueOf(LONGEST.getSeconds())) > 0) {
            return null;
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private static long secondsPerUnit(char unit) {
        return switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
    }
}
