package io.berth.runtime.runc.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeName;
import io.berth.runtime.oci.ForwardingOciRuntime;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

/**
 * The {@code runc} runtime: the shared OCI CLI driver with runc's profile. runc has {@code events --stats}
 * and {@code features}, and needs no create wrapper. Registers even when the binary or conmon is missing;
 * {@link #info()} then says why it is not ready. A configuration change re-activates the component; running
 * containers are not affected.
 */
@Component(name = RuncRuntime.PID, configurationPid = RuncRuntime.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = OciRuntime.class)
@RuntimeName("runc")
@Designate(ocd = RuncConfig.class)
public final class RuncRuntime extends ForwardingOciRuntime {

    /** Component name and configuration PID. */
    static final String PID = "io.berth.runtime.runc";

    /** Runc as Berth drives it, before configuration. */
    static final OciCliProfile PROFILE = new OciCliProfile("runc", OciCliProfile.standardLocations("runc"),
            Path.of("/run/berth/runc"), List.of(), false, true, OciCliProfile.CONMON_CANDIDATES);

    private final OciRuntime delegate;

    @Activate
    public RuncRuntime(RuncConfig config, @Reference OciCliDriver driver) {
        this.delegate = driver.runtime(profile(config));
    }

    /** The profile with the configured values applied; blank values keep the defaults. */
    static OciCliProfile profile(RuncConfig config) {
        return PROFILE.withBinary(config.binary()).withStateRoot(config.stateRoot()).withConmon(config.conmon())
                .withExtraGlobalArgs(List.of(config.globalArgs()));
    }

    @Override
    protected OciRuntime delegate() {
        return delegate;
    }
}
