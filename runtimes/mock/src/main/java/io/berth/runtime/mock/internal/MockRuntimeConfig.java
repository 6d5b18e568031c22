package io.berth.runtime.mock.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the mock runtime, PID {@code io.berth.runtime.mock}. */
@ObjectClassDefinition(name = "Berth mock runtime",
        description = "A runtime that simulates a small command set without root or kernel features.")
public @interface MockRuntimeConfig {

    @AttributeDefinition(name = "State directory",
            description = "Where the state of simulated containers is kept. Empty for ${karaf.data}/berth/mock,"
                    + " or java.io.tmpdir/berth-mock when karaf.data is not set.")
    String stateDir() default "";
}
