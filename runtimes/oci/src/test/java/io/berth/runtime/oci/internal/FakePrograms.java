package io.berth.runtime.oci.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes shell scripts that stand in for runc or conmon in tests that need no root. */
final class FakePrograms {

    private FakePrograms() {
    }

    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /**
     * A runtime that knows the containers whose directory exists under its {@code --root}: {@code state}
     * prints {@code <root>/<id>/state.json}, {@code kill} says "container not running", {@code delete}
     * removes the directory; unknown ids get runc's "container does not exist".
     */
    static Path runtime(Path file) throws IOException {
        return script(file, String.join("\n",
                "root=$2; shift 2",
                "unknown() { echo 'time=\"t\" level=error msg=\"container does not exist\"' >&2; exit 1; }",
                "case \"$1\" in",
                "  --version) echo 'fake version 0.0.1'; echo 'commit: none' ;;",
                "  features) echo 'unknown command features' >&2; exit 1 ;;",
                "  list) echo null ;;",
                "  state) [ -d \"$root/$2\" ] || unknown; cat \"$root/$2/state.json\" ;;",
                "  kill) [ -d \"$root/$2\" ] || unknown;",
                "        echo 'level=error msg=\"container not running\"' >&2; exit 1 ;;",
                "  delete) [ \"$2\" = -f ] && shift; [ -d \"$root/$2\" ] || unknown; rm -r \"$root/$2\" ;;",
                "  *) echo \"unexpected: $*\" >&2; exit 2 ;;",
                "esac"));
    }
}
