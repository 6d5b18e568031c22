package io.berth.runtime.runc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the runc runtime ({@code etc/io.berth.runtime.runc.cfg}). */
@ObjectClassDefinition(name = "Berth runc runtime",
        description = "Where Berth finds runc and conmon, and where runc keeps its state.")
public @interface RuncConfig {

    @AttributeDefinition(description = "Path of the runc binary. Empty: the first of /usr/local/sbin/runc, "
            + "/usr/local/bin/runc, /usr/sbin/runc, /usr/bin/runc that exists.")
    String binary() default "";

    @AttributeDefinition(description = "runc's state directory (--root), private to Berth. Attach socket links "
            + "go to <stateRoot>-sockets next to it.")
    String stateRoot() default "/run/berth/runc";

    @AttributeDefinition(description = "Path of conmon. Empty: the first of /usr/local/bin/conmon, "
            + "/usr/bin/conmon, /usr/libexec/podman/conmon that exists.")
    String conmon() default "";

    @AttributeDefinition(description = "Extra global arguments placed before every runc subcommand, "
            + "e.g. --debug.", required = false)
    String[] globalArgs() default {};
}
