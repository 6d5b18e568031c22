package io.berth.rest.internal.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.berth.api.event.BerthEvent;
import io.berth.api.system.RuntimeSummary;
import io.berth.api.system.SystemInfo;

/** Docker's JSON for {@code /version}, {@code /info} and {@code /events}. */
public final class SystemWire {

    private SystemWire() {
    }

    /** The {@code /version} body: one {@code Engine} component and one per runtime. */
    public static Map<String, Object> version(SystemInfo info, String apiVersion, String minApiVersion) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ApiVersion", apiVersion);
        details.put("Arch", Host.goArch());
        details.put("BuildTime", "");
        details.put("Experimental", "false");
        details.put("GitCommit", "");
        details.put("GoVersion", "java" + System.getProperty("java.version"));
        details.put("KernelVersion", Host.kernelVersion());
        details.put("MinAPIVersion", minApiVersion);
        details.put("Os", "linux");
        List<Map<String, Object>> components = new ArrayList<>();
        components.add(Map.of("Name", "Engine", "Version", info.version(), "Details", details));
        for (RuntimeSummary r : info.runtimes()) {
            components.add(Map.of("Name", r.info().name(), "Version", r.info().version(),
                    "Details", Map.of("GitCommit", "")));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Platform", Map.of("Name", "Berth"));
        v.put("Components", components);
        v.put("Version", info.version());
        v.put("ApiVersion", apiVersion);
        v.put("MinAPIVersion", minApiVersion);
        v.put("GitCommit", "");
        v.put("GoVersion", details.get("GoVersion"));
        v.put("Os", "linux");
        v.put("Arch", Host.goArch());
        v.put("KernelVersion", Host.kernelVersion());
        v.put("BuildTime", "");
        return v;
    }

    /** The {@code /info} body. */
    public static Map<String, Object> info(SystemInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", "");
        m.put("Containers", info.containers());
        m.put("ContainersRunning", info.running());
        m.put("ContainersPaused", info.paused());
        m.put("ContainersStopped", info.stopped());
        m.put("Images", info.images());
        m.put("Driver", "overlay");
        m.put("DriverStatus", List.of());
        m.put("Plugins", Map.of("Volume", List.of(), "Network", List.of("host", "none"), "Log", List.of("k8s-file")));
        m.put("LoggingDriver", "k8s-file");
        m.put("CgroupDriver", "cgroupfs");
        m.put("CgroupVersion", Host.cgroupVersion());
        m.put("KernelVersion", Host.kernelVersion());
        m.put("OperatingSystem", Host.operatingSystem());
        m.put("OSType", "linux");
        m.put("Architecture", Host.machine());
        m.put("NCPU", Runtime.getRuntime().availableProcessors());
        m.put("MemTotal", Host.memTotal());
        m.put("DockerRootDir", String.valueOf(info.rootDir()));
        m.put("Name", Host.hostname());
        m.put("ServerVersion", info.version());
        m.put("Runtimes", runtimes(info));
        m.put("DefaultRuntime", info.defaultRuntime());
        m.put("Swarm", swarm());
        m.put("LiveRestoreEnabled", true);
        m.put("SecurityOptions", List.of());
        m.put("Debug", false);
        m.put("ExperimentalBuild", false);
        m.put("Labels", List.of());
        m.put("Warnings", warnings(info));
        return m;
    }

    private static Map<String, Object> runtimes(SystemInfo info) {
        Map<String, Object> out = new TreeMap<>();
        for (RuntimeSummary r : info.runtimes()) {
            Map<String, String> status = new LinkedHashMap<>();
            status.put("ready", Boolean.toString(r.present() && r.info().ready()));
            status.put("bundle", r.bundle());
            if (!r.info().reason().isEmpty()) {
                status.put("reason", r.info().reason());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", r.info().binary().isEmpty() ? r.info().name() : r.info().binary());
            entry.put("status", status);
            out.put(r.info().name(), entry);
        }
        return out;
    }

    private static List<String> warnings(SystemInfo info) {
        List<String> w = new ArrayList<>();
        for (RuntimeSummary r : info.runtimes()) {
            if (!r.present() || !r.info().ready()) {
                w.add("WARNING: runtime " + r.info().name() + " is not ready"
                        + (r.info().reason().isEmpty() ? "" : ": " + r.info().reason()));
            }
        }
        return w;
    }

    private static Map<String, Object> swarm() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("NodeID", "");
        s.put("LocalNodeState", "inactive");
        s.put("ControlAvailable", false);
        s.put("RemoteManagers", null);
        return s;
    }

    /** One event of the {@code /events} stream, with the legacy {@code status/id/from} keys. */
    public static Map<String, Object> event(BerthEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if ("container".equals(e.type()) || "image".equals(e.type())) {
            m.put("status", e.action());
            m.put("id", e.actorId());
            if (e.attributes().containsKey("image")) {
                m.put("from", e.attributes().get("image"));
            }
        }
        m.put("Type", e.type());
        m.put("Action", e.action());
        m.put("Actor", Map.of("ID", e.actorId(), "Attributes", new TreeMap<>(e.attributes())));
        m.put("scope", "local");
        m.put("time", e.time().getEpochSecond());
        m.put("timeNano", e.time().getEpochSecond() * 1_000_000_000L + e.time().getNano());
        return m;
    }
}
