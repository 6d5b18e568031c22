package io.berth.runtime.oci.internal;

import java.nio.file.Path;

/**
 * Everything an operation of a ready runtime runs with.
 *
 * @param cli            the runtime binary against its state root
 * @param conmon         the conmon binary
 * @param createRuntime  what conmon runs {@code create} with: the binary, or its wrapper script
 * @param layout         the runtime's directories
 */
record Toolchain(RuntimeCli cli, Path conmon, Path createRuntime, RuntimeLayout layout) {
}
