import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Collects the benchmark reports of one run ({@code *.md} and {@code *.properties} in the given directories) into
 * one Markdown report with the machine it ran on, and draws the chart of Berth beside the bare runtime floor as an
 * SVG. Run with {@code java bench/BenchReport.java OUT_MD OUT_SVG DIR...} (Java 17, no dependencies).
 */
public final class BenchReport {

    private static final String[] ORDER = {"runtime", "docker-api", "upgrade", "load"};

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java bench/BenchReport.java OUT_MD OUT_SVG DIR...");
            System.exit(2);
        }
        List<Path> dirs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            dirs.add(Path.of(args[i]));
        }
        Properties figures = new Properties();
        StringBuilder report = new StringBuilder("# Benchmark report\n\n" + machine() + "\n");
        for (String name : ORDER) {
            for (Path dir : dirs) {
                Path md = dir.resolve(name + ".md");
                if (Files.exists(md)) {
                    report.append("## ").append(title(name)).append("\n\n").append(Files.readString(md).strip())
                            .append("\n\n");
                }
                Path props = dir.resolve(name + ".properties");
                if (Files.exists(props)) {
                    try (Reader in = Files.newBufferedReader(props)) {
                        Properties p = new Properties();
                        p.load(in);
                        p.forEach((k, v) -> figures.setProperty(name + "." + k, (String) v));
                    }
                }
            }
        }
        String chartName = Path.of(args[1]).getFileName().toString();
        report.append("![Berth beside the bare runtime](").append(chartName).append(")\n");
        Files.writeString(Path.of(args[0]), report.toString());
        Files.writeString(Path.of(args[1]), Chart.svg(figures));
        System.out.println("wrote " + args[0] + " and " + args[1]);
    }

    private static String title(String name) {
        return switch (name) {
            case "runtime" -> "Runtime overhead: create + start + wait + remove of `true` through ContainerService";
            case "docker-api" -> "Docker API: `docker run --rm` and container list";
            case "upgrade" -> "Live upgrade: boot, memory, pauses during bundle updates";
            default -> "Image load throughput";
        };
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long cpus = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor"))
                .count();
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        return String.format(Locale.ROOT, "%s; %d × %s; %s; Linux %s; Java %s; load average at the end: %s%n",
                LocalDate.now(), cpus, cpu, mem, kernel, System.getProperty("java.version"), load);
    }

    /** A grouped horizontal bar chart (milliseconds) of the figures the benchmarks wrote. */
    static final class Chart {

        private static final int WIDTH = 760;
        private static final int LABEL = 250;
        private static final int BAR = 18;
        private static final String[][] SERIES = {
            {"bare runtime CLI", "#9e9e9e"}, {"conmon + runtime (monitor floor)", "#64b5f6"}, {"Berth", "#1565c0"}};

        private Chart() {
        }

        static String svg(Properties f) {
            List<Object[]> groups = new ArrayList<>();
            for (String rt : List.of("runc", "crun")) {
                groups.add(new Object[] {rt + ": create+start+wait+rm of true",
                    new double[] {num(f, "runtime." + rt + ".bare.ms"), num(f, "runtime." + rt + ".conmon.ms"),
                        num(f, "runtime." + rt + ".berth.ms")}});
            }
            groups.add(new Object[] {"docker run --rm busybox true",
                new double[] {num(f, "docker-api.run.bare.ms"), Double.NaN, num(f, "docker-api.run.berth.ms")}});
            double max = 1;
            for (Object[] g : groups) {
                for (double v : (double[]) g[1]) {
                    max = Double.isNaN(v) ? max : Math.max(max, v);
                }
            }
            double scale = (WIDTH - LABEL - 80) / max;
            StringBuilder svg = new StringBuilder();
            int y = 40;
            for (Object[] g : groups) {
                svg.append(text(10, y + 14, (String) g[0], "bold"));
                double[] values = (double[]) g[1];
                for (int s = 0; s < values.length; s++) {
                    if (Double.isNaN(values[s])) {
                        continue;
                    }
                    int w = (int) Math.max(1, values[s] * scale);
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL, y, w, BAR,
                            SERIES[s][1]));
                    svg.append(text(LABEL + w + 6, y + 14, String.format(Locale.ROOT, "%.1f ms", values[s]), ""));
                    y += BAR + 4;
                }
                y += 16;
            }
            int legendY = y + 4;
            for (int s = 0; s < SERIES.length; s++) {
                int x = 10 + s * 250;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n",
                        x, legendY, SERIES[s][1]));
                svg.append(text(x + 20, legendY + 12, SERIES[s][0], ""));
            }
            int height = legendY + 30;
            return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                    + "%s%s</svg>%n", WIDTH, height, text(10, 20, "Berth beside the bare runtime floor (median, "
                    + "lower is better)", "bold"), svg);
        }

        private static double num(Properties f, String key) {
            String v = f.getProperty(key);
            return v == null ? Double.NaN : Double.parseDouble(v);
        }

        private static String text(int x, int y, String s, String weight) {
            String escaped = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>%n", x, y,
                    weight.isEmpty() ? "" : " font-weight=\"" + weight + "\"", escaped);
        }
    }
}
