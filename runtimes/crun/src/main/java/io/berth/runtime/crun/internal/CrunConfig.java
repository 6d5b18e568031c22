package io.berth.runtime.crun.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the crun runtime ({@code etc/io.berth.runtime.crun.cfg}). */
@ObjectClassDefinition(name = "Berth crun runtime",
        description = "Where Berth finds crun and conmon, and where crun keeps its state.")
public @interface CrunConfig {

    @AttributeDefinition(description = "Path of the crun binary. Empty: the first of /usr/local/sbin/crun, "
            + "/usr/local/bin/crun, /usr/sbin/crun, /usr/bin/crun that exists.")
    String binary() default "";

    @AttributeDefinition(description = "crun's state directory (--root), private to Berth. Attach socket links "
            + "go to <stateRoot>-sockets next to it.")
    String stateRoot() default "/run/berth/crun";

    @AttributeDefinition(description = "Path of conmon. Empty: the first of /usr/local/bin/conmon, "
            + "/usr/bin/conmon, /usr/libexec/podman/conmon that exists.")
    String conmon() default "";

    @AttributeDefinition(description = "Extra global arguments placed before every crun subcommand, "
            + "e.g. --debug.", required = false)
    String[] globalArgs() default {};
}
