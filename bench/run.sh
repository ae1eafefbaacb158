#!/usr/bin/env bash
# Runs the benchmark suite: ./bench/run.sh [--rows N | --big] [--runs 3] [--memory] [--cases a,b] (see --help).
# Uses the PostgreSQL server at 127.0.0.1:5432 (TRIBUTARY_TEST_PG_* variables to change it), or an
# embedded one when none answers.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package -pl benchmarks -am
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -Xmx256m -cp "$CP" io.tributary.benchmarks.BenchmarkSuite "$@"
