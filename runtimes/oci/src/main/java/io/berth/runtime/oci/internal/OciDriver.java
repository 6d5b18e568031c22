package io.berth.runtime.oci.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.runtime.OciRuntime;
import io.berth.nativeio.NetworkNamespaces;
import io.berth.nativeio.UnixSockets;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Provides the {@link OciCliDriver} service. The native services are static, mandatory references: without
 * them (off Linux) no runtime can attach to a container or check its loopback interface, so there is no
 * driver either. Both come from the one {@code LinuxNative} component of {@code berth-native}.
 */
@Component(service = OciCliDriver.class)
public final class OciDriver implements OciCliDriver {

    private final UnixSockets sockets;
    private final NetworkNamespaces namespaces;

    @Activate
    public OciDriver(@Reference UnixSockets sockets, @Reference NetworkNamespaces namespaces) {
        this.sockets = sockets;
        this.namespaces = namespaces;
    }

    @Override
    public OciRuntime runtime(OciCliProfile profile) {
        return new CliOciRuntime(profile, sockets, namespaces);
    }
}
