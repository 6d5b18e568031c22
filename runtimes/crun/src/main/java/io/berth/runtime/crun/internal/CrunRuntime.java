package io.berth.runtime.crun.internal;

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
 * The {@code crun} runtime: the shared OCI CLI driver with crun's profile. crun 1.8.1 refuses hybrid-cgroup
 * hosts, so conmon runs its {@code create} through a wrapper script that hides the cgroup2 {@code unified}
 * mount; it has no {@code events}, so statistics come from the cgroup v1 files. Registers even when the
 * binary or conmon is missing; {@link #info()} then says why it is not ready. A configuration change
 * re-activates the component; running containers are not affected.
 */
@Component(name = CrunRuntime.PID, configurationPid = CrunRuntime.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = OciRuntime.class)
@RuntimeName("crun")
@Designate(ocd = CrunConfig.class)
public final class CrunRuntime extends ForwardingOciRuntime {

    /** Component name and configuration PID. */
    static final String PID = "io.berth.runtime.crun";

    /** Crun as Berth drives it, before configuration. */
    static final OciCliProfile PROFILE = new OciCliProfile("crun", OciCliProfile.standardLocations("crun"),
            Path.of("/run/berth/crun"), List.of(), true, false, OciCliProfile.CONMON_CANDIDATES);

    private final OciRuntime delegate;

    @Activate
    public CrunRuntime(CrunConfig config, @Reference OciCliDriver driver) {
        this.delegate = driver.runtime(profile(config));
    }

    /** The profile with the configured values applied; blank values keep the defaults. */
    static OciCliProfile profile(CrunConfig config) {
        return PROFILE.withBinary(config.binary()).withStateRoot(config.stateRoot()).withConmon(config.conmon())
                .withExtraGlobalArgs(List.of(config.globalArgs()));
    }

    @Override
    protected OciRuntime delegate() {
        return delegate;
    }
}
