package io.berth.runtime.oci.internal;

import java.util.Locale;

import io.berth.api.error.InvalidArgumentException;

/**
 * The error for a process the runtime could not start ({@code create} or {@code exec}), with Docker's
 * wording where Docker has one, so that clients recognise it (the CLI turns "executable file not found"
 * into exit 127 and "permission denied" into 126). The runtime's own text is always kept.
 */
final class StartFailure {

    private StartFailure() {
    }

    /**
     * @param operation  {@code create} or {@code exec}
     * @param runtime    the runtime's name
     * @param executable the program that was to run (args[0]), or {@code null} if unknown
     * @param output     what the runtime reported
     */
    static InvalidArgumentException of(String operation, String runtime, String executable, String output) {
        String message = RuntimeMessages.clean(output);
        String docker = dockerWording(executable, message);
        String prefix = "OCI runtime " + operation + " failed: ";
        if (docker.isEmpty() || message.contains(docker)) {
            return new InvalidArgumentException(prefix + message);
        }
        return new InvalidArgumentException(prefix + docker + " (" + runtime + ": " + message + ")");
    }

    /** Docker's text for an executable that cannot be run, or empty when the failure is of another kind. */
    static String dockerWording(String executable, String message) {
        if (executable == null) {
            return "";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("executable file") && lower.contains("not found")) {
            return "exec: \"" + executable + "\": executable file not found in $PATH";
        }
        if (lower.contains("permission denied")) {
            return "exec: \"" + executable + "\": permission denied";
        }
        return "";
    }
}
