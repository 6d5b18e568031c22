package io.berth.runtime.oci.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeNames;

/**
 * Which runtime names a configured runtime may take: never {@code runc}, {@code crun} or {@code mock} (the
 * names of Berth's own runtime bundles, whether installed or not), never a name another configuration holds,
 * and never a name some other bundle's runtime is registered under now. Runtimes registered later by other
 * bundles are not refused here; the engine's registry then lets the newer one serve.
 *
 * <p>The reference on other runtimes is dynamic and optional: their absence is the normal case. It binds
 * service references only, so no runtime component is activated for this check. Thread-safe.
 */
@Component(service = RuntimeNameClaims.class)
public final class RuntimeNameClaims {

    /** Names of Berth's runtime bundles. */
    static final Set<String> RESERVED = Set.of("runc", "crun", "mock");

    /** Service property marking runtimes registered by a configuration; its value is the configuration's PID. */
    static final String CONFIGURATION_PROPERTY = "berth.runtime.configuration";

    private final Map<String, String> claims = new HashMap<>();
    private final Map<ServiceReference<?>, String> others = new HashMap<>();

    /** DS bind method for runtimes that no configuration registered. */
    @Reference(name = "otherRuntimes", service = OciRuntime.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(!(" + CONFIGURATION_PROPERTY + "=*))", unbind = "removeRuntime")
    synchronized void addRuntime(ServiceReference<OciRuntime> reference) {
        Object name = reference.getProperty(RuntimeNames.PROPERTY);
        if (name instanceof String text) {
            others.put(reference, text);
        }
    }

    synchronized void removeRuntime(ServiceReference<OciRuntime> reference) {
        others.remove(reference);
    }

    /**
     * Takes {@code name} for the configuration {@code owner}; taking it again for the same owner is allowed.
     *
     * @throws ConflictException when the name is reserved or taken, saying by whom
     */
    public synchronized void claim(String name, String owner) {
        if (RESERVED.contains(name)) {
            throw new ConflictException("runtime name " + name + " is reserved for Berth's " + name
                    + " runtime bundle");
        }
        String holder = claims.get(name);
        if (holder != null && !holder.equals(owner)) {
            throw new ConflictException("runtime name " + name + " is already configured by " + holder);
        }
        for (Map.Entry<ServiceReference<?>, String> other : others.entrySet()) {
            if (other.getValue().equals(name)) {
                throw new ConflictException("runtime name " + name + " is already registered by "
                        + describe(other.getKey().getBundle()));
            }
        }
        claims.put(name, owner);
    }

    /** Gives {@code name} up if {@code owner} holds it. */
    public synchronized void release(String name, String owner) {
        claims.remove(name, owner);
    }

    private static String describe(Bundle bundle) {
        return bundle == null ? "a bundle that is gone" : "bundle " + bundle.getSymbolicName() + " "
                + bundle.getVersion();
    }
}
