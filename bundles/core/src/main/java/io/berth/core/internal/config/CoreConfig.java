package io.berth.core.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the engine, PID {@code io.berth.core} ({@code etc/io.berth.core.cfg}). Every property is
 * optional; an empty string selects the default computed by {@link EngineSettings#resolve}.
 */
@ObjectClassDefinition(name = "Berth engine", description = "Where the engine keeps its state and how it runs containers.")
public @interface CoreConfig {

    @AttributeDefinition(description = "State directory. Empty: /var/lib/berth as root, else ${karaf.data}/berth.")
    String root() default "";

    @AttributeDefinition(description = "Run directory for sockets and runtime state. Empty: /run/berth as root, else <root>/run.")
    String runDir() default "";

    @AttributeDefinition(description = "Runtime for containers that name none. Empty: runc when registered, else mock.")
    String defaultRuntime() default "";

    @AttributeDefinition(description = "Seconds a stop waits for the process to exit before SIGKILL.")
    int stopTimeout() default EngineSettings.DEFAULT_STOP_TIMEOUT;

    @AttributeDefinition(description = "Cgroup under which every container gets its own (<cgroupParent>/<id>).")
    String cgroupParent() default EngineSettings.DEFAULT_CGROUP_PARENT;
}
