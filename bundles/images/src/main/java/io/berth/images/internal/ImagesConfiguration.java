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
}
