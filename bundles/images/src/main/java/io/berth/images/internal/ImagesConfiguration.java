package io.berth.images.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the image store, PID {@value ImagesComponent#PID}. */
@ObjectClassDefinition(name = "Berth image store",
        description = "Where images, layers and container root filesystems are kept.")
public @interface ImagesConfiguration {

    @AttributeDefinition(name = "Root directory",
            description = "Berth's state directory; the store lives in <root>/images. Empty: /var/lib/berth "
                    + "when running as root, else ${karaf.data}/berth (or ${java.io.tmpdir}/berth).")
    String root() default "";

    @AttributeDefinition(name = "Insecure registries",
            description = "host[:port] of registries that may be reached over plain HTTP when HTTPS fails; "
                    + "registries on the loopback always may.")
    String[] insecureRegistries() default {};

    @AttributeDefinition(name = "Registry credentials file",
            description = "A file in Docker's config.json form ({\"auths\":{\"host:port\":{\"auth\":\"<base64 "
                    + "user:password>\"}}}) with credentials for pulls that bring none. Empty: "
                    + "${karaf.etc}/registry-auth.json when it exists.")
    String registryAuthFile() default "";

    @AttributeDefinition(name = "Concurrent layer downloads",
            description = "How many layers one pull downloads at the same time.")
    int maxConcurrentDownloads() default 3;
}
