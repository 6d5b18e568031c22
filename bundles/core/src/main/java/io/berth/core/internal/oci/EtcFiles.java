package io.berth.core.internal.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.berth.api.container.ContainerSpec;
import io.berth.core.internal.host.HostEnvironment;

/**
 * The per-container {@code hostname}, {@code hosts} and {@code resolv.conf} in the container's directory,
 * bind-mounted at {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf}. As Docker does:
 * {@code host} network mode copies the host's {@code /etc/hosts}, other modes get loopback entries plus the
 * container's hostname; {@code resolv.conf} is always a copy of the host's.
 *
 * @param hostname   the hostname file
 * @param hosts      the hosts file
 * @param resolvConf the resolver configuration
 */
public record EtcFiles(Path hostname, Path hosts, Path resolvConf) {

    /** The files' places in a container directory. */
    public static EtcFiles in(Path containerDir) {
        return new EtcFiles(containerDir.resolve("hostname"), containerDir.resolve("hosts"),
                containerDir.resolve("resolv.conf"));
    }

    /**
     * (Re)writes the three files atomically, creating the directory. Not fsynced ({@link DerivedFiles}): they
     * are written anew at every start.
     */
    public void write(ContainerSpec spec, HostEnvironment host) throws IOException {
        Files.createDirectories(hostname.toAbsolutePath().getParent());
        DerivedFiles.replace(hostname, (spec.hostname() + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] hostsContent = "host".equals(spec.networkMode()) && Files.isRegularFile(host.hostsFile())
                ? Files.readAllBytes(host.hostsFile())
                : isolatedHosts(spec.hostname()).getBytes(StandardCharsets.UTF_8);
        DerivedFiles.replace(hosts, hostsContent);
        DerivedFiles.replace(resolvConf, Files.isRegularFile(host.resolvConf())
                ? Files.readAllBytes(host.resolvConf()) : new byte[0]);
    }

    /** Docker's hosts file for a container with its own network namespace and no interfaces but lo. */
    static String isolatedHosts(String hostname) {
        return "127.0.0.1\tlocalhost\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\n"
                + "ff00::0\tip6-mcastprefix\n"
                + "ff02::1\tip6-allnodes\n"
                + "ff02::2\tip6-allrouters\n"
                + "127.0.1.1\t" + hostname + "\n";
    }
}
