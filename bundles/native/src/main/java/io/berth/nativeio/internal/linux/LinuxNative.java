package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Platform;

import io.berth.nativeio.FileNodes;
import io.berth.nativeio.Mounts;
import io.berth.nativeio.NetworkNamespaces;
import io.berth.nativeio.ProcessSpawner;
import io.berth.nativeio.SeqPacketListener;
import io.berth.nativeio.SeqPacketSocket;
import io.berth.nativeio.Signals;
import io.berth.nativeio.UnixSockets;

/**
 * Provides the native services on Linux. Activation fails off Linux (or when libc cannot be loaded) with a
 * logged reason, so no consumer ever gets a half-working implementation. Stateless and thread-safe.
 */
@Component(service = {Mounts.class, Signals.class, UnixSockets.class, NetworkNamespaces.class, FileNodes.class,
        ProcessSpawner.class})
public final class LinuxNative implements Mounts, Signals, UnixSockets, NetworkNamespaces, FileNodes, ProcessSpawner {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxNative.class);

    private final Mounts mounts;
    private final Signals signals;
    private final UnixSockets sockets;
    private final NetworkNamespaces networkNamespaces;
    private final FileNodes fileNodes;
    private final ProcessSpawner spawner;

    /** Loads libc; throws {@link IllegalStateException} with the reason when that is impossible. */
    @Activate
    public LinuxNative() {
        Syscalls sys = loadLibc();
        this.mounts = new LinuxMounts(sys);
        this.signals = new LinuxSignals(sys);
        this.sockets = new LinuxUnixSockets(sys);
        this.networkNamespaces = new LinuxNetworkNamespaces(sys);
        this.fileNodes = new LinuxFileNodes(sys);
        this.spawner = new LinuxProcessSpawner(sys);
    }

    private static Syscalls loadLibc() {
        if (!Platform.isLinux()) {
            throw unavailable("Berth's native access needs Linux, this is " + System.getProperty("os.name"), null);
        }
        try {
            return Syscalls.load();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw unavailable("cannot load libc through JNA: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException unavailable(String reason, Throwable cause) {
        LOG.error("native services not available: {}", reason);
        return new IllegalStateException(reason, cause);
    }

    @Override
    public void mount(String source, Path target, String fstype, long flags, String data) throws IOException {
        mounts.mount(source, target, fstype, flags, data);
    }

    @Override
    public void umount(Path target, int flags) throws IOException {
        mounts.umount(target, flags);
    }

    @Override
    public void kill(int pid, int signal) throws IOException {
        signals.kill(pid, signal);
    }

    @Override
    public boolean isAlive(int pid) {
        return signals.isAlive(pid);
    }

    @Override
    public SeqPacketSocket connectSeqPacket(Path path) throws IOException {
        return sockets.connectSeqPacket(path);
    }

    @Override
    public SeqPacketListener listenSeqPacket(Path path) throws IOException {
        return sockets.listenSeqPacket(path);
    }

    @Override
    public boolean isUp(Path netns, String interfaceName) throws IOException {
        return networkNamespaces.isUp(netns, interfaceName);
    }

    @Override
    public boolean bringUp(Path netns, String interfaceName) throws IOException {
        return networkNamespaces.bringUp(netns, interfaceName);
    }

    @Override
    public void whiteout(Path path) throws IOException {
        fileNodes.whiteout(path);
    }

    @Override
    public void setXattr(Path path, String name, byte[] value) throws IOException {
        fileNodes.setXattr(path, name, value);
    }

    @Override
    public Process spawn(Request request) throws IOException {
        return spawner.spawn(request);
    }
}
