package io.berth.runtime.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.berth.api.error.ConflictException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.runtime.oci.ForwardingOciRuntime;
import io.berth.runtime.oci.OciCliDriver;
import io.berth.runtime.oci.OciCliProfile;

class ConfiguredRuntimeTest {

    private final ServiceRegistry registry = new ServiceRegistry();
    private final RuntimeNameClaims claims = new RuntimeNameClaims();
    private final List<OciCliProfile> built = new ArrayList<>();
    private final OciCliDriver driver = profile -> {
        built.add(profile);
        return new ForwardingOciRuntime() {
            @Override
            protected OciRuntime delegate() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RuntimeInfo info() {
                return new RuntimeInfo(profile.name(), "", "", false, "not started in this test", null);
            }
        };
    };

    private ConfiguredRuntime configure(String pid, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        Map<String, Object> properties = new HashMap<>(values);
        properties.put("service.pid", pid);
        return new ConfiguredRuntime(ConfigValues.of(ConfiguredRuntimeConfig.class, values), properties,
                registry.context(), driver, claims);
    }

    @Test
    void aValidConfigurationRegistersTheRuntimeUnderItsName() {
        ConfiguredRuntime component = configure("io.berth.runtime.oci.1", "name", "altrunc", "binary",
                "/usr/sbin/runc", "stateRoot", "/tmp/alt");
        assertThat(registry.entries()).hasSize(1);
        ServiceRegistry.Entry entry = registry.entries().get(0);
        assertThat(entry.properties()).containsEntry("berth.runtime.name", "altrunc")
                .containsEntry("berth.runtime.configuration", "io.berth.runtime.oci.1");
        assertThat(((OciRuntime) entry.service()).info().name()).isEqualTo("altrunc");
        assertThat(built).singleElement().satisfies(p -> assertThat(p.stateRoot()).hasToString("/tmp/alt"));
        assertThat(component.registeredName()).isEqualTo("altrunc");

        component.deactivate();
        assertThat(registry.entries()).isEmpty();
        component.deactivate();
    }

    @Test
    void anInvalidConfigurationRegistersNothing() {
        assertThat(configure("p1", "name", "../x", "binary", "/usr/sbin/runc").registeredName()).isNull();
        assertThat(configure("p2", "name", "/usr/bin/runc", "binary", "/usr/sbin/runc").registeredName()).isNull();
        assertThat(configure("p3", "name", "alt", "binary", "runc").registeredName()).isNull();
        assertThat(configure("p4", "name", "alt").registeredName()).isNull();
        assertThat(registry.entries()).isEmpty();
        assertThat(built).isEmpty();
        configure("p4", "name", "alt").deactivate();
    }

    @Test
    void berthsOwnRuntimeNamesAreRefused() {
        for (String name : List.of("runc", "crun", "mock")) {
            assertThat(configure("p-" + name, "name", name, "binary", "/usr/sbin/runc").registeredName()).isNull();
        }
        assertThat(registry.entries()).isEmpty();
    }

    @Test
    void aNameTakenByAnotherConfigurationIsRefusedUntilItIsGiven() {
        ConfiguredRuntime first = configure("p1", "name", "alt", "binary", "/usr/sbin/runc");
        ConfiguredRuntime second = configure("p2", "name", "alt", "binary", "/usr/bin/crun");
        assertThat(second.registeredName()).isNull();
        assertThat(registry.entries()).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("berth.runtime.configuration", "p1"));

        first.deactivate();
        ConfiguredRuntime third = configure("p3", "name", "alt", "binary", "/usr/bin/crun");
        assertThat(third.registeredName()).isEqualTo("alt");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameAnotherBundleRegistersIsRefused() {
        ServiceReference<OciRuntime> youki = (ServiceReference<OciRuntime>) ServiceRegistry.reference(
                Map.of("berth.runtime.name", "youki"));
        claims.addRuntime(youki);
        assertThatThrownBy(() -> claims.claim("youki", "p1")).isInstanceOf(ConflictException.class)
                .hasMessage("runtime name youki is already registered by a bundle that is gone");
        assertThat(configure("p1", "name", "youki", "binary", "/usr/bin/youki").registeredName()).isNull();

        claims.removeRuntime(youki);
        assertThat(configure("p1", "name", "youki", "binary", "/usr/bin/youki").registeredName()).isEqualTo("youki");
    }

    @Test
    void claimsExplainRefusals() {
        assertThatThrownBy(() -> claims.claim("crun", "p1")).isInstanceOf(ConflictException.class)
                .hasMessage("runtime name crun is reserved for Berth's crun runtime bundle");
        claims.claim("alt", "p1");
        claims.claim("alt", "p1");
        assertThatThrownBy(() -> claims.claim("alt", "p2")).hasMessage("runtime name alt is already configured by p1");
        claims.release("alt", "p2");
        assertThatThrownBy(() -> claims.claim("alt", "p2")).isInstanceOf(ConflictException.class);
        claims.release("alt", "p1");
        claims.claim("alt", "p2");
    }

    @Test
    void theFileNamesTheRuntimeAndTheOwner() {
        Map<String, Object> properties = Map.of("service.pid", "io.berth.runtime.oci.abc",
                "felix.fileinstall.filename", "file:/opt/berth/etc/io.berth.runtime.oci-youki.cfg");
        ConfiguredRuntime component = new ConfiguredRuntime(ConfigValues.of(ConfiguredRuntimeConfig.class,
                Map.of("binary", "/usr/bin/youki")), properties, registry.context(), driver, claims);
        assertThat(component.registeredName()).isEqualTo("youki");
        assertThat(registry.entries().get(0).properties()).containsEntry("berth.runtime.configuration",
                "file:/opt/berth/etc/io.berth.runtime.oci-youki.cfg");
    }

    @Test
    void aDriverFailureRegistersNothingAndGivesTheNameBack() {
        OciCliDriver failing = profile -> {
            throw new IllegalStateException("cannot create /run/berth/alt: read-only file system");
        };
        ConfiguredRuntime component = new ConfiguredRuntime(ConfigValues.of(ConfiguredRuntimeConfig.class,
                Map.of("name", "alt", "binary", "/usr/sbin/runc")), Map.of("service.pid", "p1"), registry.context(),
                failing, claims);
        assertThat(component.registeredName()).isNull();
        assertThat(registry.entries()).isEmpty();
        claims.claim("alt", "p2");
    }
}
