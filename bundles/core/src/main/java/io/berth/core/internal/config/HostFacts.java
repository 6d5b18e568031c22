package io.berth.core.internal.config;

import io.berth.common.host.ProcessUser;

/**
 * The facts about the host the configuration defaults depend on.
 *
 * @param uid       the JVM's user id, -1 when unknown
 * @param karafData the {@code karaf.data} system property, {@code null} outside Karaf
 * @param tmpDir    the {@code java.io.tmpdir} system property
 */
public record HostFacts(long uid, String karafData, String tmpDir) {

    /** The facts of this JVM. */
    public static HostFacts current() {
        return new HostFacts(ProcessUser.uid(), System.getProperty("karaf.data"), System.getProperty("java.io.tmpdir"));
    }

    /** True when the JVM runs as root. */
    public boolean root() {
        return uid == 0;
    }
}
