package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.sun.jna.NativeLong;

import io.berth.nativeio.NetworkNamespaces;

/**
 * Interface flags through {@code SIOCGIFFLAGS}/{@code SIOCSIFFLAGS} on a socket created inside the namespace.
 * setns(2) moves only the calling thread, and for good: each call therefore runs on a new thread that ends
 * with it, never on a caller's or a pooled thread. Thread-safe.
 */
final class LinuxNetworkNamespaces implements NetworkNamespaces {

    /** {@code sizeof(struct ifreq)} on 64-bit Linux: the name, then a 24-byte union. */
    static final int IFREQ_SIZE = 40;
    /** {@code IFNAMSIZ}: the name field, NUL included. */
    static final int IFNAMSIZ = 16;
    /** Offset of {@code ifr_flags} (a short) in {@code struct ifreq}. */
    static final int FLAGS_OFFSET = 16;
    static final short IFF_UP = 0x1;

    /** What to do with a socket in the namespace. */
    @FunctionalInterface
    private interface SocketAction<T> {
        T apply(int socket) throws IOException;
    }

    private final Syscalls sys;

    LinuxNetworkNamespaces(Syscalls sys) {
        this.sys = sys;
    }

    @Override
    public boolean isUp(Path netns, String interfaceName) throws IOException {
        byte[] request = ifreq(interfaceName);
        return inNamespace(netns, socket -> (flags(socket, request, interfaceName) & IFF_UP) != 0);
    }

    @Override
    public boolean bringUp(Path netns, String interfaceName) throws IOException {
        byte[] request = ifreq(interfaceName);
        return inNamespace(netns, socket -> {
            short flags = flags(socket, request, interfaceName);
            if ((flags & IFF_UP) != 0) {
                return false;
            }
            setFlags(request, (short) (flags | IFF_UP));
            sys.call("bring " + interfaceName + " up", () -> sys.libc().ioctl(socket,
                    new NativeLong(LibC.SIOCSIFFLAGS), request));
            return true;
        });
    }

    /** An {@code ifreq} holding the name; refuses names the kernel would truncate. */
    static byte[] ifreq(String interfaceName) {
        byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length >= IFNAMSIZ || interfaceName.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a network interface name: " + interfaceName);
        }
        byte[] request = new byte[IFREQ_SIZE];
        System.arraycopy(name, 0, request, 0, name.length);
        return request;
    }

    static short flagsOf(byte[] request) {
        return ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).getShort(FLAGS_OFFSET);
    }

    static void setFlags(byte[] request, short flags) {
        ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).putShort(FLAGS_OFFSET, flags);
    }

    private short flags(int socket, byte[] request, String interfaceName) throws IOException {
        sys.call("read the flags of " + interfaceName, () -> sys.libc().ioctl(socket,
                new NativeLong(LibC.SIOCGIFFLAGS), request));
        return flagsOf(request);
    }

    private <T> T inNamespace(Path netns, SocketAction<T> action) throws IOException {
        FutureTask<T> task = new FutureTask<>(() -> enterAndRun(netns, action));
        Thread thread = new Thread(task, "berth-netns");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while working in " + netns);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** Runs on the dedicated thread: after setns this thread belongs to the namespace until it ends. */
    private <T> T enterAndRun(Path netns, SocketAction<T> action) throws IOException {
        int nsFd = sys.callInt("open " + netns,
                () -> sys.libc().open(netns.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC));
        try {
            sys.call("enter the network namespace " + netns, () -> sys.libc().setns(nsFd, LibC.CLONE_NEWNET));
        } finally {
            sys.closeQuietly(nsFd);
        }
        int socket = sys.callInt("socket", () -> sys.libc().socket(LibC.AF_INET,
                LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0));
        try {
            return action.apply(socket);
        } finally {
            sys.closeQuietly(socket);
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IOException(cause);
    }
}
