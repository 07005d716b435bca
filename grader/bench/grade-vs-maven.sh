#!/usr/bin/env bash
# Wall time of `grade` on the correct sample, against the summed durations of its checks, and
# against the baseline an instructor would otherwise script: the same katas, solved, with the
# hidden tests copied in, run by `mvn -q verify`. Prints a table; changes nothing in the repo.
#
#   grader/bench/grade-vs-maven.sh [runs]      (default: 3 runs of each)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=grader/target/grader.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sample=grader/target/classes/kata-samples/correct
katas=$(ls "$sample")

# The baseline project: the student repository with the reference solutions and the hidden tests.
cp -r exercises "$work/repo"
find "$work/repo" -name target -type d -prune -exec rm -rf {} +
rm -rf "$work/repo/support/src/test"
for kata in $katas; do
  cp -r "$sample/$kata/src/main/java/." "$work/repo/$kata/src/main/java/"
  cp -r "grader/specs/$kata/tests/." "$work/repo/$kata/src/test/java/"
done
modules=$(echo $katas | tr ' ' ',')
mvn -B -q -f "$work/repo/pom.xml" -pl "$modules" -am verify > /dev/null   # warm the local repository

seconds() { python3 -c "import time; print(f'{time.time():.3f}')"; }
printf '%-5s %12s %16s %14s\n' run "grade (s)" "checks sum (s)" "mvn verify (s)"
for i in $(seq 1 "$runs"); do
  start=$(seconds)
  java -jar "$jar" grade "$sample" --out "$work/card.json" -q
  graded=$(python3 -c "print(f'{$(seconds) - $start:.2f}')")
  checks=$(python3 -c "
import json; card = json.load(open('$work/card.json'))
print(f\"{sum(c['duration_millis'] for e in card['exercises'] for c in e['checks']) / 1000:.2f}\")")
  start=$(seconds)
  mvn -B -q -o -f "$work/repo/pom.xml" -pl "$modules" -am verify > /dev/null
  maven=$(python3 -c "print(f'{$(seconds) - $start:.2f}')")
  printf '%-5s %12s %16s %14s\n' "$i" "$graded" "$checks" "$maven"
done
