package io.berth.api.event;

/** EventAdmin topics: {@code io/berth/<type>/<action>}, e.g. {@code io/berth/container/start}. */
public final class EventTopics {

    /** Prefix of every Berth topic. */
    public static final String PREFIX = "io/berth/";

    /** Topic filter matching every Berth event. */
    public static final String ALL = PREFIX + "*";

    /** Property holding the {@link BerthEvent} itself. */
    public static final String EVENT_PROPERTY = "berth.event";

    private EventTopics() {
    }

    /** The topic of an event type and action ({@code die} of a container is {@code io/berth/container/die}). */
    public static String topic(String type, String action) {
        return PREFIX + type + "/" + action.replace(':', '_').replace(' ', '_');
    }
}
