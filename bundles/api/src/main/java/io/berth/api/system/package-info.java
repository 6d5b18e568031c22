/** The engine as a whole: version, configuration summary, runtimes and counts, as {@code info} shows them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.berth.api.system;
