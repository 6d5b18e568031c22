package io.berth.runtime.oci.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.berth.api.error.BerthException;

/** Reads the version from the first line of {@code <binary> --version} ({@code runc version 1.1.5+ds1}). */
final class VersionProbe {

    private static final Pattern VERSION_WORD = Pattern.compile("\\bversion\\s+(\\S+)");

    private VersionProbe() {
    }

    /** The version; throws when the binary does not answer {@code --version}, which means it is unusable. */
    static String probe(RuntimeCli cli) {
        CliResult result = cli.run("--version");
        if (!result.succeeded()) {
            throw new BerthException(cli.binary() + " --version failed (exit " + result.exitCode() + "): "
                    + RuntimeMessages.clean(result.stderr()));
        }
        return parse(result.stdout());
    }

    /** The word after "version" on the first line, or the whole first line when there is none. */
    static String parse(String output) {
        String firstLine = output.strip().lines().findFirst().orElse("");
        Matcher matcher = VERSION_WORD.matcher(firstLine);
        return matcher.find() ? matcher.group(1) : firstLine;
    }
}
