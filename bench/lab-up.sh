#!/bin/bash
# Benchmarks 'opsh lab up': cold (fresh state directory), warm (already running), and the peak RSS
# summed over the lab's processes. Usage: bench/lab-up.sh [ROUNDS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q compile dependency:build-classpath -pl lib,shell -Dmdep.outputFile=target/bench.classpath >/dev/null
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "shell/target/classes:$(cat shell/target/bench.classpath)" bench/LabBench.java "${1:-3}"
