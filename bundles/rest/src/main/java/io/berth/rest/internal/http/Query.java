package io.berth.rest.internal.http;

import java.util.List;

import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of a request, read the way dockerd reads them: booleans as {@code 1/true/True} or
 * {@code 0/false/False}, numbers in decimal; anything else is a 400 naming the parameter.
 */
public final class Query {

    private final Fields fields;

    Query(Fields fields) {
        this.fields = fields;
    }

    /** The first value, or {@code null}. */
    public String get(String name) {
        Fields.Field f = fields.get(name);
        return f == null ? null : f.getValue();
    }

    /** Every value of a repeated parameter ({@code names=a&names=b}). */
    public List<String> all(String name) {
        Fields.Field f = fields.get(name);
        return f == null ? List.of() : f.getValues();
    }

    /** A boolean; absent or empty means {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        return switch (v) {
            case "1", "true", "True", "TRUE" -> true;
            case "0", "false", "False", "FALSE" -> false;
            default -> throw HttpError.badRequest("invalid boolean value for " + name + ": " + v);
        };
    }

    /** An integer; absent or empty means {@code null}. */
    public Integer integer(String name) {
        String v = get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("invalid value for " + name + ": " + v);
        }
    }

    /** An integer that must be there, as dockerd's {@code strconv} parses it: absent or empty is a 400. */
    public int required(String name) {
        Integer v = integer(name);
        if (v == null) {
            throw HttpError.badRequest("invalid value for " + name + ": " + (get(name) == null ? "" : get(name)));
        }
        return v;
    }

    /** An integer with a default. */
    public int integer(String name, int fallback) {
        Integer v = integer(name);
        return v == null ? fallback : v;
    }
}
