package io.berth.runtime.oci.internal;

/**
 * What a finished runtime command produced.
 *
 * @param exitCode its exit code
 * @param stdout   everything it wrote to stdout
 * @param stderr   everything it wrote to stderr
 */
record CliResult(int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }
}
