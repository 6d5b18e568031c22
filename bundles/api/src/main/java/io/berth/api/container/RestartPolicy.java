package io.berth.api.container;

/**
 * What the engine does when a container's process exits on its own.
 *
 * @param mode       the policy
 * @param maxRetries for {@link Mode#ON_FAILURE}: restart at most this many times, 0 = unlimited
 */
public record RestartPolicy(Mode mode, int maxRetries) {

    /** Never restart: Docker's default. */
    public static final RestartPolicy NO = new RestartPolicy(Mode.NO, 0);

    /** Docker's policy names: {@code no}, {@code always}, {@code on-failure}, {@code unless-stopped}. */
    public enum Mode {
        NO("no"), ALWAYS("always"), ON_FAILURE("on-failure"), UNLESS_STOPPED("unless-stopped");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
