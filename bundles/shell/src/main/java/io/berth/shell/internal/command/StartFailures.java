package io.berth.shell.internal.command;

/** The exit code {@code docker run} returns when a container fails to start. Stateless. */
final class StartFailures {

    /** The command could not be found. */
    static final int NOT_FOUND = 127;
    /** The command was found but could not be run. */
    static final int CANNOT_RUN = 126;
    /** Any other failure of the engine. */
    static final int ENGINE_FAILURE = 125;

    private StartFailures() {
    }

    /**
     * The container's recorded exit code when the engine recorded one, else the docker CLI's classification of
     * the error message.
     */
    static int exitCode(String message, int recordedExitCode) {
        if (recordedExitCode != 0) {
            return recordedExitCode;
        }
        String text = message == null ? "" : message;
        if (text.contains("executable file not found") || text.contains("no such file or directory")) {
            return NOT_FOUND;
        }
        if (text.contains("permission denied") || text.contains("is a directory")) {
            return CANNOT_RUN;
        }
        return ENGINE_FAILURE;
    }
}
