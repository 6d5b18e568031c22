package io.berth.api.system;

import org.osgi.annotation.versioning.ProviderType;

/** The engine's view of itself. Thread-safe. */
@ProviderType
public interface SystemService {

    /** A snapshot of the engine's state. */
    SystemInfo info();
}
