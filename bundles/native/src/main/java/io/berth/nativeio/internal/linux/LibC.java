package io.berth.nativeio.internal.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;

/** The few libc functions Berth calls. Every call that can fail reports errno through LastErrorException. */
interface LibC extends Library {

    int AF_UNIX = 1;
    int AF_INET = 2;
    int SOCK_DGRAM = 2;
    int SOCK_SEQPACKET = 5;
    int SOCK_CLOEXEC = 0x80000;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int O_PATH = 0x200000;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;
    int MSG_NOSIGNAL = 0x4000;
    int CLONE_NEWNET = 0x40000000;
    long SIOCGIFFLAGS = 0x8913;
    long SIOCSIFFLAGS = 0x8914;
    int O_WRONLY = 1;
    int O_CREAT = 0x40;
    int O_TRUNC = 0x200;
    int WNOHANG = 1;
    short POLLIN = 1;
    short POSIX_SPAWN_SETSIGDEF = 0x04;
    short POSIX_SPAWN_SETSIGMASK = 0x08;

    int mount(String source, String target, String fstype, NativeLong flags, String data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int mknod(String path, int mode, long dev) throws LastErrorException;

    int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags) throws LastErrorException;

    int kill(int pid, int signal) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int connect(int fd, SockAddrUn address, int length) throws LastErrorException;

    int bind(int fd, SockAddrUn address, int length) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    int accept4(int fd, Pointer address, Pointer length, int flags) throws LastErrorException;

    NativeLong send(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    /** ioctl with a {@code struct ifreq}; JNA copies the array in and back out. */
    int ioctl(int fd, NativeLong request, byte[] ifreq) throws LastErrorException;

    String strerror(int errno);

    /** Returns an error number (0 on success) instead of setting errno, as every posix_spawn function does. */
    int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attributes, StringArray argv,
            StringArray envp);

    int posix_spawn_file_actions_init(Pointer fileActions);

    int posix_spawn_file_actions_destroy(Pointer fileActions);

    int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int flags, int mode);

    int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

    /** glibc 2.34 and later. */
    int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int lowFd);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer signals);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    int sigemptyset(Pointer signals);

    int sigfillset(Pointer signals);

    int waitpid(int pid, int[] status, int options) throws LastErrorException;

    /** glibc 2.36 and later (Linux 5.3). */
    int pidfd_open(int pid, int flags) throws LastErrorException;

    /** {@code fds} is one {@code struct pollfd}: int fd, short events, short revents. */
    int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;
}
