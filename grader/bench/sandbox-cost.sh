#!/usr/bin/env bash
# What the operating-system sandbox (bubblewrap) costs per test JVM: the correct sample's
# fix-the-race (one test JVM) graded <n> times with --sandbox off, then <n> times with
# --sandbox required, alternating so that other load on the machine falls on both alike.
# Prints the mean wall time of each and their difference. Changes nothing in the repo.
#
#   grader/bench/sandbox-cost.sh [n]      (default n: 10; needs bwrap and a built grader.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-10}
jar=grader/target/grader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v bwrap >/dev/null || { echo "bwrap is not installed (apt-get install bubblewrap)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
submission=grader/target/classes/kata-samples/correct
declare -A total=([off]=0 [required]=0)
for i in $(seq 1 "$count"); do
  for mode in off required; do
    start=$(date +%s%N)
    java -jar "$jar" grade "$submission" --exercise fix-the-race --sandbox "$mode" --quiet \
      --out "$out/$mode-$i.json"
    total[$mode]=$(( ${total[$mode]} + $(date +%s%N) - start ))
  done
done
off=$(( ${total[off]} / count / 1000000 ))
on=$(( ${total[required]} / count / 1000000 ))
echo "fix-the-race, correct sample, $count gradings each:"
echo "  --sandbox off       ${off} ms per grading"
echo "  --sandbox required  ${on} ms per grading"
echo "  sandbox cost        $(( on - off )) ms per test JVM"
