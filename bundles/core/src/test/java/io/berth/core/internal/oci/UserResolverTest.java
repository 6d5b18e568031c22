package io.berth.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.berth.api.error.InvalidArgumentException;

class UserResolverTest {

    private static final String PASSWD = String.join("\n",
            "root:x:0:0:root:/root:/bin/sh",
            "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
            "app:x:1000:1000:App:/home/app:/bin/sh",
            "dup:x:1000:7::/first:/bin/sh",
            "nohome:x:1001:1001",
            "");
    private static final String GROUP = String.join("\n",
            "root:x:0:",
            "wheel:x:10:root,app",
            "app:x:1000:",
            "staff:x:50:app, other ,",
            "audio:x:29:app",
            "");

    @TempDir
    Path rootfs;

    @BeforeEach
    void image() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), PASSWD);
        Files.writeString(rootfs.resolve("etc/group"), GROUP);
    }

    @Test
    void emptyMeansRootWithItsHomeAndGroups() {
        assertThat(UserResolver.resolve(rootfs, "")).isEqualTo(new ProcessUser(0, 0, List.of(10), "/root"));
        assertThat(UserResolver.resolve(rootfs, null)).isEqualTo(new ProcessUser(0, 0, List.of(10), "/root"));
    }

    @Test
    void namesResolveToTheirEntryAndMemberships() {
        assertThat(UserResolver.resolve(rootfs, "app"))
                .isEqualTo(new ProcessUser(1000, 1000, List.of(10, 50, 29), "/home/app"));
        assertThat(UserResolver.resolve(rootfs, "daemon")).isEqualTo(new ProcessUser(1, 1, List.of(), "/usr/sbin"));
        assertThat(UserResolver.resolve(rootfs, "nohome")).isEqualTo(new ProcessUser(1001, 1001, List.of(), "/"));
    }

    @Test
    void numbersNeedNoEntryAndTheFirstMatchingEntryWins() {
        assertThat(UserResolver.resolve(rootfs, "1000"))
                .isEqualTo(new ProcessUser(1000, 1000, List.of(10, 50, 29), "/home/app"));
        assertThat(UserResolver.resolve(rootfs, "4242")).isEqualTo(new ProcessUser(4242, 0, List.of(), "/"));
        assertThat(UserResolver.resolve(rootfs, "4242:4343")).isEqualTo(new ProcessUser(4242, 4343, List.of(), "/"));
    }

    @Test
    void anExplicitGroupReplacesPrimaryAndSupplementaryGroups() {
        assertThat(UserResolver.resolve(rootfs, "app:staff"))
                .isEqualTo(new ProcessUser(1000, 50, List.of(), "/home/app"));
        assertThat(UserResolver.resolve(rootfs, "app:29"))
                .isEqualTo(new ProcessUser(1000, 29, List.of(), "/home/app"));
        assertThat(UserResolver.resolve(rootfs, "0:wheel")).isEqualTo(new ProcessUser(0, 10, List.of(), "/root"));
    }

    @Test
    void unknownNamesFailWithDockersMessage() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "nobody")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find user nobody: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "app:nogroup"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("unable to find group nogroup: no matching entries in group file");
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "99999999999"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("uids and gids must be in range 0-2147483647");
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "-1")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("uids and gids must be in range 0-2147483647");
    }

    @Test
    void withoutPasswdFileOnlyNumbersWork() throws IOException {
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.delete(rootfs.resolve("etc/group"));

        assertThat(UserResolver.resolve(rootfs, "")).isEqualTo(ProcessUser.ROOT);
        assertThat(UserResolver.resolve(rootfs, "12:34")).isEqualTo(new ProcessUser(12, 34, List.of(), "/"));
        assertThat(UserResolver.resolve(null, "12")).isEqualTo(new ProcessUser(12, 0, List.of(), "/"));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "root"))
                .hasMessage("unable to find user root: no matching entries in passwd file");
    }

    @Test
    void hostileEntriesAreSkippedNotGuessed() throws IOException {
        Files.writeString(rootfs.resolve("etc/passwd"), String.join("\n",
                "# evil:x:0:0::/:/bin/sh",
                "+nis:x:0:0::/:/bin/sh",
                "evil:x:abc:0::/:/bin/sh",
                "neg:x:-5:0::/:/bin/sh",
                "big:x:2147483648:0::/:/bin/sh",
                "short:x:7",
                ":x:8:8::/:/bin/sh",
                "nul\0:x:9:9::/:/bin/sh",
                "long:x:11:11::/" + "a".repeat(70_000) + ":/bin/sh",
                "   padded:x:12:12::/p:/bin/sh   ",
                "ok:x:13:13::/ok:/bin/sh",
                "gidbad:x:14:zz::/:/bin/sh"));
        Files.writeString(rootfs.resolve("etc/group"), String.join("\n",
                "evilgroup:x:notanumber:ok",
                "g:x:20:ok,,",
                "bad"));

        for (String name : List.of("evil", "neg", "big", "short", "nul", "long", "gidbad", "nis", "+nis")) {
            assertThatThrownBy(() -> UserResolver.resolve(rootfs, name)).as(name)
                    .isInstanceOf(InvalidArgumentException.class);
        }
        assertThat(UserResolver.resolve(rootfs, "padded")).isEqualTo(new ProcessUser(12, 12, List.of(), "/p"));
        assertThat(UserResolver.resolve(rootfs, "ok")).isEqualTo(new ProcessUser(13, 13, List.of(20), "/ok"));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "ok:evilgroup"))
                .hasMessage("unable to find group evilgroup: no matching entries in group file");
    }

    @Test
    void parsersKeepWellFormedEntriesOnly() {
        assertThat(UserDatabase.parsePasswd("a:x:1:2:g:/h:/s\nb:x:3\nc:x:+4:5\n"))
                .containsExactly(new UserDatabase.User("a", 1, 2, "/h"), new UserDatabase.User("c", 4, 5, ""));
        assertThat(UserDatabase.parseGroup("g:x:7:a,b\nh:x:8\ni::x:\n"))
                .containsExactly(new UserDatabase.Group("g", 7, List.of("a", "b")),
                        new UserDatabase.Group("h", 8, List.of()));
        assertThat(UserDatabase.id("2147483647")).isEqualTo(2_147_483_647);
        assertThat(UserDatabase.id("2147483648")).isEqualTo(-1);
        assertThat(UserDatabase.id("99999999999999999999")).isEqualTo(-1);
        assertThat(UserDatabase.id("")).isEqualTo(-1);
        assertThat(UserDatabase.id("1e3")).isEqualTo(-1);
    }

    @Test
    void symlinksCannotLeadOutOfTheRootfs() throws IOException {
        Path outside = Files.createTempFile("host-passwd", "");
        Files.writeString(outside, "hostonly:x:4321:4321::/host:/bin/sh\n");
        try {
            Files.delete(rootfs.resolve("etc/passwd"));
            Files.createSymbolicLink(rootfs.resolve("etc/passwd"), outside);
            assertThatThrownBy(() -> UserResolver.resolve(rootfs, "hostonly"))
                    .hasMessage("unable to find user hostonly: no matching entries in passwd file");

            Files.delete(rootfs.resolve("etc/passwd"));
            Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../../../../../.." + outside));
            assertThatThrownBy(() -> UserResolver.resolve(rootfs, "hostonly"))
                    .hasMessage("unable to find user hostonly: no matching entries in passwd file");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void symlinksInsideTheRootfsAreFollowedThere() throws IOException {
        Files.createDirectories(rootfs.resolve("usr/lib"));
        Files.move(rootfs.resolve("etc/passwd"), rootfs.resolve("usr/lib/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/usr/lib/passwd"));
        Files.move(rootfs.resolve("etc/group"), rootfs.resolve("usr/lib/group"));
        Files.createSymbolicLink(rootfs.resolve("etc/group"), Path.of("../usr/lib/group"));

        assertThat(UserResolver.resolve(rootfs, "app").uid()).isEqualTo(1000);
        assertThat(UserResolver.resolve(rootfs, "app").additionalGids()).containsExactly(10, 50, 29);
    }
}
