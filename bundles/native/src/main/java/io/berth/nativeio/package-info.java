/**
 * Small Java interfaces over the Linux system calls Berth needs and the JDK lacks: mount(2) and umount2(2),
 * kill(2), interface flags inside other network namespaces (setns(2), ioctl(2)), AF_UNIX
 * {@code SOCK_SEQPACKET} sockets (conmon's attach socket), and posix_spawn(3) (programs started without the JDK's
 * helper process, with descriptors beyond the standard three). The implementations are DS services provided by
 * the {@code berth-native} bundle on Linux; off Linux no service is registered. Failures are reported as
 * {@link io.berth.nativeio.ErrnoException} carrying errno and its text. The package is unstable (0.x): it
 * grows with the engine's needs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.berth.nativeio;
