#!/usr/bin/env bash
# Memory of one session over many distinct evaluations (issue 7): prints heap used after GC every
# 2,000 inputs. Usage: bench/eval-memory.sh [N]   (default 20000; the heap is capped at 64 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile -pl lib >/dev/null
cp="lib/target/classes:lib/target/test-classes:$(cd lib && mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
out=$(mktemp -d)
javac -d "$out" -cp "$cp" bench/EvalMemory.java
java -Xmx64m -Dn="${1:-20000}" -cp "$out:$cp" dev.opsh.engine.EvalMemory
rm -rf "$out"
