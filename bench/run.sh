#!/usr/bin/env bash
# Runs every benchmark of Berth on this machine (as root, with runc, crun, conmon and busybox-static installed;
# see .ci/run) and writes one report with the machine it ran on, and the chart of Berth beside the bare runtime:
#   docs/bench-report.md, docs/bench-chart.svg
# Benchmarks report numbers; they assert nothing. Run them on a quiet machine: the load average is recorded.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q install -DskipTests
mvn -B verify -Pbench -pl itests
mvn -B -q test -Pbench -pl bundles/images
java bench/BenchReport.java docs/bench-report.md docs/bench-chart.svg itests/target/bench bundles/images/target/bench
