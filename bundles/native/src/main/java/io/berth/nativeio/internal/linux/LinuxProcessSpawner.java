package io.berth.nativeio.internal.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.StringArray;

import io.berth.nativeio.ErrnoException;
import io.berth.nativeio.ProcessSpawner;

/**
 * posix_spawn(3) through libc: the file actions open the child's files on descriptors 0, 1, 2 and 3… and then
 * close every higher descriptor ({@code posix_spawn_file_actions_addclosefrom_np}, glibc 2.34), the attributes
 * reset every signal to its default and unblock them all. The opaque libc structures are given generously sized
 * native memory. Thread-safe.
 */
final class LinuxProcessSpawner implements ProcessSpawner {

    /** posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336 on x86_64 and aarch64 glibc. */
    private static final int FILE_ACTIONS_SIZE = 256;
    private static final int ATTRIBUTES_SIZE = 1024;
    /** sigset_t: 1024 bits. */
    private static final int SIGSET_SIZE = 128;
    private static final int FILE_MODE = 0666;

    private final Syscalls sys;
    private final boolean closeFromSupported;

    LinuxProcessSpawner(Syscalls sys) {
        this.sys = sys;
        this.closeFromSupported = hasFunction("posix_spawn_file_actions_addclosefrom_np");
    }

    @Override
    public Process spawn(Request request) throws IOException {
        if (!closeFromSupported) {
            throw new UnsupportedOperationException("this C library cannot close the JVM's descriptors in a spawned "
                    + "child (posix_spawn_file_actions_addclosefrom_np needs glibc 2.34)");
        }
        LibC libc = sys.libc();
        Memory actions = new Memory(FILE_ACTIONS_SIZE);
        Memory attributes = new Memory(ATTRIBUTES_SIZE);
        check("posix_spawn_file_actions_init", libc.posix_spawn_file_actions_init(actions));
        try {
            check("posix_spawnattr_init", libc.posix_spawnattr_init(attributes));
            try {
                fileActions(libc, actions, request);
                signalDefaults(libc, attributes);
                String encoding = Native.getDefaultStringEncoding();
                List<String> command = request.command();
                int[] pid = new int[1];
                int error = libc.posix_spawn(pid, command.get(0), actions, attributes,
                        new StringArray(command.toArray(new String[0]), encoding),
                        new StringArray(environment(request.environment()), encoding));
                if (error != 0) {
                    throw new ErrnoException("cannot run " + command.get(0) + ": " + libc.strerror(error), error);
                }
                return new LinuxSpawnedProcess(sys, pid[0]);
            } finally {
                libc.posix_spawnattr_destroy(attributes);
            }
        } finally {
            libc.posix_spawn_file_actions_destroy(actions);
        }
    }

    private void fileActions(LibC libc, Memory actions, Request request) throws ErrnoException {
        open(libc, actions, 0, request.input(), LibC.O_RDONLY);
        int write = LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC;
        open(libc, actions, 1, request.output(), write);
        if (request.error() == null) {
            check("posix_spawn_file_actions_adddup2", libc.posix_spawn_file_actions_adddup2(actions, 1, 2));
        } else {
            open(libc, actions, 2, request.error(), write);
        }
        int fd = 3;
        for (Path extra : request.extraOutputs()) {
            open(libc, actions, fd++, extra, write);
        }
        check("posix_spawn_file_actions_addclosefrom_np", libc.posix_spawn_file_actions_addclosefrom_np(actions, fd));
    }

    private void open(LibC libc, Memory actions, int fd, Path file, int flags) throws ErrnoException {
        check("posix_spawn_file_actions_addopen",
                libc.posix_spawn_file_actions_addopen(actions, fd, file.toString(), flags, FILE_MODE));
    }

    private void signalDefaults(LibC libc, Memory attributes) throws ErrnoException {
        Memory none = new Memory(SIGSET_SIZE);
        Memory all = new Memory(SIGSET_SIZE);
        check("sigemptyset", libc.sigemptyset(none));
        check("sigfillset", libc.sigfillset(all));
        check("posix_spawnattr_setsigmask", libc.posix_spawnattr_setsigmask(attributes, none));
        check("posix_spawnattr_setsigdefault", libc.posix_spawnattr_setsigdefault(attributes, all));
        check("posix_spawnattr_setflags", libc.posix_spawnattr_setflags(attributes,
                (short) (LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK)));
    }

    private static String[] environment(Map<String, String> additions) {
        Map<String, String> merged = new HashMap<>(System.getenv());
        merged.putAll(additions);
        List<String> entries = new ArrayList<>(merged.size());
        merged.forEach((name, value) -> entries.add(name + "=" + value));
        return entries.toArray(new String[0]);
    }

    /** posix_spawn's functions return the error number instead of setting errno. */
    private void check(String operation, int error) throws ErrnoException {
        if (error != 0) {
            throw sys.error(operation, error);
        }
    }

    private static boolean hasFunction(String name) {
        try {
            NativeLibrary.getInstance("c").getFunction(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
