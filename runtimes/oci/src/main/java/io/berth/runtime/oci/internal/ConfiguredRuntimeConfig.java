package io.berth.runtime.oci.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One runc-compatible runtime added by configuration alone: a factory configuration of PID
 * {@value ConfiguredRuntime#FACTORY_PID}, e.g. the file {@code etc/io.berth.runtime.oci-youki.cfg}.
 */
@ObjectClassDefinition(name = "Berth runc-compatible runtime",
        description = "A runc-compatible runtime binary Berth drives with conmon, registered under its own name.")
public @interface ConfiguredRuntimeConfig {

    @AttributeDefinition(description = "The runtime's name, as clients select it (docker run --runtime NAME): "
            + "1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter. runc, crun and mock "
            + "are taken. Empty: the part of the file name after 'io.berth.runtime.oci-'.", required = false)
    String name() default "";

    @AttributeDefinition(description = "Absolute path of the runtime binary (required).")
    String binary() default "";

    @AttributeDefinition(description = "The runtime's private state directory (--root). Empty: /run/berth/<name>.",
            required = false)
    String stateRoot() default "";

    @AttributeDefinition(description = "Absolute path of conmon. Empty: the first of /usr/local/bin/conmon, "
            + "/usr/bin/conmon, /usr/libexec/podman/conmon that exists.", required = false)
    String conmon() default "";

    @AttributeDefinition(description = "Extra global arguments placed before every subcommand, separated by "
            + "spaces, e.g. --debug.", required = false)
    String[] globalArgs() default {};

    @AttributeDefinition(description = "Run create in a private mount namespace without the cgroup2 'unified' "
            + "mount (what crun needs on hybrid-cgroup hosts).", required = false)
    boolean createWrapper() default false;

    @AttributeDefinition(description = "The binary has 'events --stats' (runc has); otherwise statistics come "
            + "from the container's cgroup v1 files.", required = false)
    boolean eventsStats() default false;
}
