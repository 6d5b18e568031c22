package io.berth.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as OpenSSH users reach it: public-key logins with RSA and ECDSA keys listed in
 * {@code etc/keys.properties}, a key that is not listed refused, and the host key the console made at its first
 * start presented again after a restart (a client that checks known hosts strictly still connects). The JDK's
 * security providers serve all of it: the engine does not register Bouncy Castle (docs/benchmarks.md).
 */
class ConsoleLoginIT {

    private static final String ADMIN_GROUP = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh";

    @TempDir
    Path keys;

    private KarafProcess karaf;

    @BeforeEach
    void unpack() throws Exception {
        for (String tool : List.of("/usr/bin/ssh", "/usr/bin/ssh-keygen")) {
            if (!Files.isExecutable(Path.of(tool))) {
                RootRequirement.failInCiOrSkip(tool + " (openssh-client) is missing");
            }
        }
        Path dist = Path.of(System.getProperty("berth.dist"));
        Path dir = Path.of(System.getProperty("berth.itest.dir", "target/it"), "console-" + UUID.randomUUID());
        karaf = KarafProcess.unpack(dist, dir, dir.resolve("berth-state"), "mock");
    }

    @AfterEach
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void openSshLogsInWithRsaAndEcdsaKeysAndFindsTheSameHostKeyAfterARestart() throws Exception {
        Path rsa = keygen("rsa");
        Path ecdsa = keygen("ecdsa");
        Path unlisted = keygen("unlisted");
        Files.writeString(karaf.home().resolve("etc/keys.properties"), String.join("\n",
                "it-rsa = " + publicKey(rsa) + ",_g_:admingroup",
                "it-ecdsa = " + publicKey(ecdsa) + ",_g_:admingroup",
                ADMIN_GROUP, ""), StandardCharsets.UTF_8);
        karaf.start();

        Result rsaLogin = ssh(rsa, "it-rsa", "accept-new", "berth:info");
        assertThat(rsaLogin.exit()).as(rsaLogin.output()).isZero();
        assertThat(rsaLogin.output()).contains("Default Runtime: mock");
        Result ecdsaLogin = ssh(ecdsa, "it-ecdsa", "yes", "berth:info");
        assertThat(ecdsaLogin.exit()).as(ecdsaLogin.output()).isZero();
        assertThat(ecdsaLogin.output()).contains("Default Runtime: mock");
        Result refused = ssh(unlisted, "it-rsa", "yes", "berth:info");
        assertThat(refused.exit()).isEqualTo(255);
        assertThat(refused.output()).contains("Permission denied").doesNotContain("Default Runtime");

        karaf.stopGracefully();
        karaf.start();
        Result again = ssh(rsa, "it-rsa", "yes", "berth:info");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("Default Runtime: mock");
    }

    /** A new key pair of {@code name}'s type (an unlisted one is RSA); returns the private key's path. */
    private Path keygen(String name) throws Exception {
        Path key = keys.resolve("id_" + name);
        String type = name.equals("ecdsa") ? "ecdsa" : "rsa";
        Result made = run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString()));
        assertThat(made.exit()).as(made.output()).isZero();
        return key;
    }

    /** The base64 field of an OpenSSH public key file, the form {@code keys.properties} takes. */
    private static String publicKey(Path privateKey) throws IOException {
        return Files.readString(Path.of(privateKey + ".pub")).split(" ")[1];
    }

    /**
     * Runs {@code command} on the console as {@code user} with {@code key}, checking the host key against this
     * test's own known-hosts file ({@code accept-new} records it, {@code yes} requires it).
     */
    private Result ssh(Path key, String user, String strictHostKeyChecking, String command) throws Exception {
        return run(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(karaf.sshPort()), "-i", key.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                "-o", "UserKnownHostsFile=" + keys.resolve("known_hosts"),
                "-o", "StrictHostKeyChecking=" + strictHostKeyChecking, user + "@127.0.0.1", command));
    }

    /** Runs {@code command} for at most a minute (exit 124 when it took longer). */
    private static Result run(List<String> command) throws Exception {
        List<String> bounded = new ArrayList<>(List.of("timeout", "60"));
        bounded.addAll(command);
        Process process = new ProcessBuilder(bounded).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
