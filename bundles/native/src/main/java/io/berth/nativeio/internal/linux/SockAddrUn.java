package io.berth.nativeio.internal.linux;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Structure;

/** {@code struct sockaddr_un}. Public with public fields because JNA fills it reflectively. */
@Structure.FieldOrder({"sun_family", "sun_path"})
public final class SockAddrUn extends Structure {

    /** Longest path the kernel accepts (the array also holds the terminating NUL). */
    static final int MAX_PATH_BYTES = 107;

    public short sun_family;
    public byte[] sun_path = new byte[MAX_PATH_BYTES + 1];

    /** An address for {@code path}, which must fit ({@link #fits}). */
    static SockAddrUn of(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("socket path too long: " + path);
        }
        SockAddrUn address = new SockAddrUn();
        address.sun_family = LibC.AF_UNIX;
        System.arraycopy(bytes, 0, address.sun_path, 0, bytes.length);
        address.write();
        return address;
    }

    static boolean fits(String path) {
        return path.getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /** The length to pass to bind/connect: family, path and its NUL. */
    int length() {
        int pathLength = 0;
        while (sun_path[pathLength] != 0) {
            pathLength++;
        }
        return 2 + pathLength + 1;
    }
}
