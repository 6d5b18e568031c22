package io.berth.runtime.oci.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.runtime.OciRuntime;
import io.berth.nativeio.NetworkNamespaces;
import io.berth.nativeio.ProcessSpawner;
import io.berth.nativeio.UnixSockets;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

/**
 * Provides the {@link OciCliDriver} service. The native services are static, mandatory references: without
 * them (off Linux) no runtime can attach to a container or check its loopback interface, so there is no
 * driver either. All come from the one {@code LinuxNative} component of {@code berth-native}; the
 * {@link ProcessSpawner} starts conmon and the runtime's CLI ({@link Programs}).
 */
@Component(service = OciCliDriver.class)
public final class OciDriver implements OciCliDriver {

    private final UnixSockets sockets;
    private final NetworkNamespaces namespaces;
    private final Programs programs;

    @Activate
    public OciDriver(@Reference UnixSockets sockets, @Reference NetworkNamespaces namespaces,
            @Reference ProcessSpawner spawner) {
        this.sockets = sockets;
        this.namespaces = namespaces;
        this.programs = new Programs(spawner);
    }

    @Override
    public OciRuntime runtime(OciCliProfile profile) {
        return new CliOciRuntime(profile, sockets, namespaces, programs);
    }
}
