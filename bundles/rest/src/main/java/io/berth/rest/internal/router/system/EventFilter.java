package io.berth.rest.internal.router.system;

import java.util.Set;

import io.berth.api.event.BerthEvent;
import io.berth.rest.internal.wire.Filters;

/** The filters of {@code /events}: {@code type}, {@code event}, {@code container}, {@code image}, {@code label}. */
final class EventFilter {

    static final Set<String> KEYS = Set.of("type", "event", "container", "image", "label");

    private final Filters filters;

    EventFilter(Filters filters) {
        this.filters = filters;
    }

    boolean matches(BerthEvent e) {
        return anyOf("type", e.type()) && anyOf("event", e.action())
                && (!filters.has("container") || "container".equals(e.type()) && names(e, "container"))
                && (!filters.has("image") || names(e, "image") || imageAttr(e))
                && labels(e);
    }

    private boolean anyOf(String key, String value) {
        Set<String> wanted = filters.get(key);
        return wanted.isEmpty() || wanted.contains(value);
    }

    private boolean names(BerthEvent e, String key) {
        String name = e.attributes().getOrDefault("name", "");
        for (String want : filters.get(key)) {
            if (e.actorId().startsWith(want) || name.equals(want) || name.equals(want.replaceFirst("^/", ""))) {
                return true;
            }
        }
        return false;
    }

    private boolean imageAttr(BerthEvent e) {
        return filters.get("image").contains(e.attributes().getOrDefault("image", ""));
    }

    private boolean labels(BerthEvent e) {
        for (String label : filters.get("label")) {
            int eq = label.indexOf('=');
            String key = eq < 0 ? label : label.substring(0, eq);
            String value = e.attributes().get(key);
            if (value == null || eq >= 0 && !value.equals(label.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }
}
