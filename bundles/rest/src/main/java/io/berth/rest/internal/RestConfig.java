package io.berth.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the API server, PID {@code io.berth.rest} ({@code etc/io.berth.rest.cfg}). Every property is
 * optional; a change rebinds the listeners without restarting Karaf.
 */
@ObjectClassDefinition(name = "Berth Docker Engine API", description = "Where the Docker-compatible API listens.")
public @interface RestConfig {

    @AttributeDefinition(description = "Unix socket path. Empty: /run/berth/berth.sock as root, else ${karaf.data}/berth/berth.sock.")
    String socket() default "";

    @AttributeDefinition(description = "Permissions of the unix socket, octal.")
    String socketMode() default "0660";

    @AttributeDefinition(description = "Group of the unix socket. Empty: unchanged.")
    String socketGroup() default "";

    @AttributeDefinition(description = "TCP address. Anything but a loopback address requires tlsCert, tlsKey and tlsClientCa.")
    String tcpHost() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port: 0 picks a free port, negative disables TCP.")
    int tcpPort() default 2375;

    @AttributeDefinition(description = "PEM server certificate (chain) for TCP with TLS.")
    String tlsCert() default "";

    @AttributeDefinition(description = "PEM PKCS#8 private key of tlsCert.")
    String tlsKey() default "";

    @AttributeDefinition(description = "PEM CA certificates that client certificates must be signed by (mutual TLS).")
    String tlsClientCa() default "";

    @AttributeDefinition(description = "Largest JSON request body in bytes; larger bodies get 413.")
    long maxJsonBody() default 4L * 1024 * 1024;

    @AttributeDefinition(name = "Update wait", description = "Seconds a request waits for its route while the "
            + "bundle serving it is updated (the engine, images), before it gets 503.")
    int updateWaitSeconds() default 30;
}
