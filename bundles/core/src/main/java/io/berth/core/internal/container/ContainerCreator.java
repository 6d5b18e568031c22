package io.berth.core.internal.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.CreateResult;
import io.berth.api.container.Resources;
import io.berth.api.container.RestartPolicy;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.image.ImageInfo;
import io.berth.api.runtime.RuntimeNames;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.oci.Capabilities;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Creates containers: validates (with Docker's messages: mounts, restart policy, capabilities, network mode and
 * ports, resources, working directory), resolves image and runtime, names, persists, announces. Thread-safe.
 */
final class ContainerCreator {

    private final EngineContext ctx;

    ContainerCreator(EngineContext ctx) {
        this.ctx = ctx;
    }

    CreateResult create(ContainerSpec spec, String requestedName) {
        if (spec == null || spec.image() == null || spec.image().isBlank()) {
            throw new InvalidArgumentException("no image specified");
        }
        String name = requestedName == null || requestedName.isEmpty() ? null
                : ContainerNames.validate(requestedName);
        validateRestartPolicy(spec);
        VolumeMounts.validate(spec.mounts());
        Capabilities.validate(spec.security());
        validateResources(spec.resources());
        List<String> warnings = NetworkModes.checkPorts(NetworkModes.normalize(spec.networkMode()),
                spec.publishedPorts());
        ImageInfo image = resolveImage(spec.image());
        String runtime = resolveRuntime(spec.runtime());
        String id = newId();
        List<String> anonymousVolumes = new ArrayList<>();
        ContainerSpec named = spec.toBuilder().mounts(VolumeMounts.nameAnonymous(spec.mounts(), anonymousVolumes))
                .build();
        ContainerSpec effective = SpecMerger.merge(named, image.config(), id, runtime, ctx.host().hostname());
        Signals.parse(effective.stopSignal());
        validateWorkingDir(effective.workingDir());
        String finalName = name == null ? ctx.table().names().reserveGenerated(id) : reserve(name, id);
        ContainerRecord record = new ContainerRecord(id, finalName, Instant.now(), spec.image(), image.id(),
                runtime, effective, new ContainerState(ContainerStatus.CREATED, 0, 0, "", false, null, null), 0,
                false, anonymousVolumes);
        persist(record);
        ctx.crashes().reach(Point.CREATE_AFTER_RECORD_WRITE);
        ctx.table().add(Container.created(record));
        ctx.events().publish(record, "create");
        return new CreateResult(id, finalName, warnings);
    }

    private String reserve(String name, String id) {
        ctx.table().names().reserve(name, id);
        return name;
    }

    private void persist(ContainerRecord record) {
        try {
            ctx.store().save(record);
            ctx.store().createLog(record.id());
        } catch (RuntimeException e) {
            ctx.table().names().release(record.name(), record.id());
            try {
                ctx.store().delete(record.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private ImageInfo resolveImage(String ref) {
        try {
            return ctx.images().inspect(ref);
        } catch (NotFoundException e) {
            throw new NotFoundException("No such image: " + ref, e);
        }
    }

    /** A named runtime must be valid and registered; the default one must be registered. */
    private String resolveRuntime(String requested) {
        if (requested == null || requested.isEmpty()) {
            String fallback = ctx.settings().defaultRuntime(ctx.runtimes()::isPresent);
            if (!ctx.runtimes().isPresent(fallback)) {
                throw new UnavailableException("runtime " + fallback + " is not available");
            }
            return fallback;
        }
        if (!RuntimeNames.isValid(requested) || !ctx.runtimes().isPresent(requested)) {
            throw new InvalidArgumentException("unknown or invalid runtime name: " + requested);
        }
        return requested;
    }

    private String newId() {
        String id;
        do {
            id = ContainerIds.generate();
        } while (ctx.table().byId(id) != null);
        return id;
    }

    private static void validateRestartPolicy(ContainerSpec spec) {
        RestartPolicy policy = spec.restartPolicy();
        if (policy.mode() == null) {
            throw new InvalidArgumentException("invalid restart policy: the mode is missing");
        }
        if (policy.maxRetries() < 0) {
            throw new InvalidArgumentException("invalid restart policy: maximum retry count cannot be negative");
        }
        if (policy.maxRetries() > 0 && policy.mode() != RestartPolicy.Mode.ON_FAILURE) {
            throw new InvalidArgumentException(
                    "invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
        if (spec.autoRemove() && policy.mode() != RestartPolicy.Mode.NO) {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
    }

    private static void validateResources(Resources resources) {
        if (resources.nanoCpus() > 0 && resources.cpuPeriod() > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (resources.nanoCpus() > 0 && resources.cpuQuota() > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }
    }

    private static void validateWorkingDir(String workingDir) {
        if (workingDir != null && !workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw new InvalidArgumentException(
                    "the working directory '" + workingDir + "' is invalid, it needs to be an absolute path");
        }
    }
}
