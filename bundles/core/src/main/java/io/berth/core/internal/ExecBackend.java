package io.berth.core.internal;

import io.berth.api.container.ExecService;

/**
 * Bundle-private service of the engine component through which {@link ExecServiceComponent} reaches the
 * engine's exec sessions. {@link ExecService} cannot be provided by the engine component itself: its methods
 * clash with those of {@link io.berth.api.container.ContainerService} ({@code start}, {@code inspect},
 * {@code attachStdin} of different things).
 */
public interface ExecBackend {

    /** The engine's exec sessions. */
    ExecService execService();
}
