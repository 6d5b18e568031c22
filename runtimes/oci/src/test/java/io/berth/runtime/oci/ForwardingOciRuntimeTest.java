package io.berth.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;

class ForwardingOciRuntimeTest {

    @Test
    void forwardsEveryOperation() {
        List<String> calls = new ArrayList<>();
        OciRuntime recorder = (OciRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OciRuntime.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : Arrays.asList(args)));
                    return method.getReturnType() == boolean.class ? false : null;
                });
        ForwardingOciRuntime forwarding = new ForwardingOciRuntime() {
            @Override
            protected OciRuntime delegate() {
                return recorder;
            }
        };
        RuntimeExecRequest exec = new RuntimeExecRequest("e1", List.of("sh"), List.of("A=1"), "/", 0, 0, false,
                true, Path.of("/s"), Path.of("/s/log"), Path.of("/s/exits"));
        forwarding.info();
        forwarding.create(new RuntimeCreateRequest("c", Path.of("/b"), Path.of("/l"), Path.of("/e"), false, true));
        forwarding.start("c");
        forwarding.state("c");
        forwarding.list();
        forwarding.states();
        forwarding.kill("c", 9, true);
        forwarding.delete("c", true);
        forwarding.pause("c");
        forwarding.resume("c");
        forwarding.openStdin("c");
        forwarding.exec("c", exec);
        forwarding.openExecStdin("c", Path.of("/s"));
        forwarding.processes("c");
        forwarding.stats("c");
        forwarding.resize("c", 33, 77);
        forwarding.resizeExec("c", Path.of("/s"), 24, 80);

        List<String> interfaceMethods = Arrays.stream(OciRuntime.class.getMethods()).map(Method::getName).toList();
        assertThat(calls).hasSize(interfaceMethods.size());
        assertThat(calls).contains("kill[c, 9, true]", "delete[c, true]", "exec[c, " + exec + "]",
                "openExecStdin[c, /s]", "resize[c, 33, 77]", "resizeExec[c, /s, 24, 80]");
    }
}
