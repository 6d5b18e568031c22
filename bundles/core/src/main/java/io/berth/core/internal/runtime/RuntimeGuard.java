package io.berth.core.internal.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;

import io.berth.api.error.BerthException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;

/**
 * Wraps a runtime so that a call failing with something other than a {@link BerthException} while the runtime is
 * no longer registered (its bundle went away during the call: executors shut down, files closed) becomes
 * {@code UnavailableException("runtime X is not available: ...")}. Failures of a runtime that is still there
 * pass unchanged. Stateless and thread-safe.
 */
final class RuntimeGuard implements InvocationHandler {

    private final String name;
    private final OciRuntime runtime;
    private final BooleanSupplier registered;

    private RuntimeGuard(String name, OciRuntime runtime, BooleanSupplier registered) {
        this.name = name;
        this.runtime = runtime;
        this.registered = registered;
    }

    static OciRuntime guard(String name, OciRuntime runtime, BooleanSupplier registered) {
        return (OciRuntime) Proxy.newProxyInstance(OciRuntime.class.getClassLoader(),
                new Class<?>[] {OciRuntime.class}, new RuntimeGuard(name, runtime, registered));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        try {
            return method.invoke(runtime, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException && !(cause instanceof BerthException) && !registered.getAsBoolean()) {
                throw new UnavailableException("runtime " + name + " is not available: it went away during "
                        + method.getName() + " (" + cause + ")", cause);
            }
            throw cause;
        }
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) throws Exception {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "guarded " + runtime;
            default -> method.invoke(runtime, args);
        };
    }
}
