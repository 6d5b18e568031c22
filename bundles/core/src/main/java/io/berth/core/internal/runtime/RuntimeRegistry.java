package io.berth.core.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeNames;

/**
 * Every {@link OciRuntime} service, by name. The reference is multiple, dynamic and greedy so that a runtime
 * bundle can be stopped, started or updated while the engine runs: binding and unbinding only change this map,
 * never a container and never the engine component. Thread-safe; {@link #get} never returns {@code null}.
 */
@Component(name = "io.berth.core.runtimes", service = RuntimeRegistry.class, immediate = true,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class RuntimeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeRegistry.class);

    /** Per name, every service registered with it, the serving one last. Lists are immutable. */
    private final Map<String, List<RegisteredRuntime>> registrations = new ConcurrentHashMap<>();
    private final List<Consumer<String>> bindListeners = new CopyOnWriteArrayList<>();

    /** DS bind method; ignores (and logs) services without a valid name. */
    @Reference(name = "runtime", service = OciRuntime.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindRuntime")
    void bindRuntime(ServiceReference<OciRuntime> reference, OciRuntime runtime) {
        Object name = reference.getProperty(RuntimeNames.PROPERTY);
        if (!(name instanceof String) || !RuntimeNames.isValid((String) name)) {
            LOG.warn("Ignoring runtime service {} with invalid {}={}", reference, RuntimeNames.PROPERTY, name);
            return;
        }
        register((String) name, runtime, describe(reference.getBundle()));
    }

    /** DS unbind method. */
    void unbindRuntime(ServiceReference<OciRuntime> reference, OciRuntime runtime) {
        Object name = reference.getProperty(RuntimeNames.PROPERTY);
        if (name instanceof String) {
            unregister((String) name, runtime);
        }
    }

    /**
     * Adds a runtime and tells the bind listeners. When two services carry one name, the newer one serves
     * and the older one takes over again if the newer one goes away.
     */
    public void register(String name, OciRuntime runtime, String bundle) {
        RegisteredRuntime added = new RegisteredRuntime(name, runtime, bundle);
        List<RegisteredRuntime> all = registrations.compute(name, (k, list) -> append(list, added));
        if (all.size() > 1) {
            LOG.warn("Runtime {} from {} shadows the one from {}", name, bundle, all.get(all.size() - 2).bundle());
        }
        LOG.info("Runtime {} is available ({})", name, bundle);
        bindListeners.forEach(listener -> notifyListener(listener, name));
    }

    /** Removes the registration of {@code runtime} under {@code name}. */
    public void unregister(String name, OciRuntime runtime) {
        List<RegisteredRuntime> left = registrations.computeIfPresent(name, (k, list) -> without(list, runtime));
        if (left == null) {
            LOG.info("Runtime {} is no longer available", name);
        }
    }

    /** The runtime of that name, or a {@link MissingRuntime} stand-in. Never {@code null}. */
    public OciRuntime get(String name) {
        return find(name).map(RegisteredRuntime::runtime).orElseGet(() -> new MissingRuntime(name));
    }

    /**
     * The runtime of that name, guarded: a call that fails with an unexpected exception because the runtime went
     * away meanwhile (its bundle stopped or updated) fails with {@link UnavailableException} instead, so callers
     * see the same answer as for a runtime that was never there.
     *
     * @throws UnavailableException when it is not registered
     */
    public OciRuntime require(String name) {
        OciRuntime runtime = get(name);
        if (runtime instanceof MissingRuntime missing) {
            throw missing.unavailable();
        }
        return RuntimeGuard.guard(name, runtime, () -> isRegistered(name, runtime));
    }

    private boolean isRegistered(String name, OciRuntime runtime) {
        List<RegisteredRuntime> list = registrations.get(name);
        return list != null && list.stream().anyMatch(r -> r.runtime() == runtime);
    }

    /** True when a runtime of that name is registered. */
    public boolean isPresent(String name) {
        return name != null && registrations.containsKey(name);
    }

    /** A snapshot of the registered runtimes. */
    public List<RegisteredRuntime> registered() {
        return registrations.values().stream().map(list -> list.get(list.size() - 1)).toList();
    }

    /** The registration of that name, if present. */
    public Optional<RegisteredRuntime> find(String name) {
        List<RegisteredRuntime> list = name == null ? null : registrations.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /**
     * Calls {@code listener} with the name of every runtime registered from now on. Listeners run on the
     * binding thread and must hand real work to an executor.
     */
    public void addBindListener(Consumer<String> listener) {
        bindListeners.add(listener);
    }

    public void removeBindListener(Consumer<String> listener) {
        bindListeners.remove(listener);
    }

    private static List<RegisteredRuntime> append(List<RegisteredRuntime> list, RegisteredRuntime added) {
        List<RegisteredRuntime> result = new ArrayList<>();
        if (list != null) {
            list.stream().filter(r -> r.runtime() != added.runtime()).forEach(result::add);
        }
        result.add(added);
        return List.copyOf(result);
    }

    /** The list without {@code runtime}, or {@code null} (which removes the name) when nothing is left. */
    private static List<RegisteredRuntime> without(List<RegisteredRuntime> list, OciRuntime runtime) {
        List<RegisteredRuntime> result = list.stream().filter(r -> r.runtime() != runtime).toList();
        return result.isEmpty() ? null : result;
    }

    private static void notifyListener(Consumer<String> listener, String name) {
        try {
            listener.accept(name);
        } catch (RuntimeException e) {
            LOG.warn("Runtime bind listener failed for {}", name, e);
        }
    }

    private static String describe(Bundle bundle) {
        return bundle == null ? "" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
