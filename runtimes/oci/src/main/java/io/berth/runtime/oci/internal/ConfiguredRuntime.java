package io.berth.runtime.oci.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeNames;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

/**
 * A runc-compatible runtime added by configuration alone: one instance per factory configuration of PID
 * {@value #FACTORY_PID} (Karaf maps {@code etc/io.berth.runtime.oci-<alias>.cfg} to one). It registers the
 * driver's runtime for the configured binary as an {@link OciRuntime} service with
 * {@value RuntimeNames#PROPERTY} set to the configured name. The registration is made here rather than by
 * DS because the service property comes from a validated configuration value: an invalid configuration, a
 * reserved name ({@code runc}, {@code crun}, {@code mock}) or a name that is taken registers nothing and is
 * logged as an error.
 *
 * <p>Deleting the configuration unregisters the runtime; its containers keep running and the engine answers
 * "runtime X is not available" for them until a runtime of that name is back. A changed configuration
 * re-registers it. Running containers never depend on this component: their state is in the state root and
 * in conmon.
 */
@Component(name = ConfiguredRuntime.FACTORY_PID, configurationPid = ConfiguredRuntime.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = ConfiguredRuntimeConfig.class, factory = true)
public final class ConfiguredRuntime {

    /** Factory PID of the configurations, and the component's name. */
    static final String FACTORY_PID = "io.berth.runtime.oci";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRuntime.class);
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private final RuntimeNameClaims claims;
    private final String owner;
    private volatile Registered registered;

    /** A registration and the name it holds. */
    private record Registered(String name, ServiceRegistration<OciRuntime> registration) {
    }

    @Activate
    public ConfiguredRuntime(ConfiguredRuntimeConfig config, Map<String, Object> properties,
            BundleContext context, @Reference OciCliDriver driver, @Reference RuntimeNameClaims claims) {
        this.claims = claims;
        this.owner = owner(properties);
        try {
            OciCliProfile profile = ConfiguredRuntimeSettings.profile(config, text(properties.get(FILE_PROPERTY)));
            claims.claim(profile.name(), owner);
            registered = register(context, driver, profile);
        } catch (BerthException | IllegalArgumentException refused) {
            LOG.error("Runtime configuration {} registers no runtime: {}", owner, refused.getMessage());
        } catch (RuntimeException failed) {
            LOG.error("Runtime configuration {} registers no runtime: {}", owner, failed.toString(), failed);
        }
    }

    private Registered register(BundleContext context, OciCliDriver driver, OciCliProfile profile) {
        try {
            OciRuntime runtime = driver.runtime(profile);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(RuntimeNames.PROPERTY, profile.name());
            props.put(RuntimeNameClaims.CONFIGURATION_PROPERTY, owner);
            props.put("service.description", "runc-compatible runtime " + profile.binaryCandidates().get(0));
            ServiceRegistration<OciRuntime> registration = context.registerService(OciRuntime.class, runtime, props);
            LOG.info("Runtime {} registered from configuration {} ({}, state root {})", profile.name(), owner,
                    profile.binaryCandidates().get(0), profile.stateRoot());
            return new Registered(profile.name(), registration);
        } catch (RuntimeException e) {
            claims.release(profile.name(), owner);
            throw e;
        }
    }

    /** Unregisters the runtime (if one was registered) and gives its name up. Containers are not touched. */
    @Deactivate
    public void deactivate() {
        Registered current = registered;
        registered = null;
        if (current == null) {
            return;
        }
        try {
            current.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        claims.release(current.name(), owner);
        LOG.info("Runtime {} of configuration {} unregistered", current.name(), owner);
    }

    /** The registered runtime's name, or {@code null} when the configuration registered none. */
    String registeredName() {
        Registered current = registered;
        return current == null ? null : current.name();
    }

    /** The configuration's file when it has one (what an operator edits), else its PID. */
    private static String owner(Map<String, Object> properties) {
        String file = text(properties.get(FILE_PROPERTY));
        String pid = text(properties.get("service.pid"));
        return file != null ? file : pid != null ? pid : FACTORY_PID + " (no PID)";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
