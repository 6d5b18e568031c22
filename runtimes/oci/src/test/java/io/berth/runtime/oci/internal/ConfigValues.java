package io.berth.runtime.oci.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Instances of a configuration annotation with some values set and the declared defaults for the rest. */
final class ConfigValues {

    private ConfigValues() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        Object config = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
        return type.cast(config);
    }
}
