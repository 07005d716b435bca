#!/usr/bin/env bash
# How long a wrong solution's verdict takes against the kata's correct ones: runs the self-check once
# per candidate on all CPUs (or reads the table of a self-check run already made) and lists, per
# kata, the wrong candidates slower than twice the median correct candidate or 5 s, whichever is
# larger (the speed issue's goal 2). Read ratios, not seconds: gradings run --jobs at once.
#
#   grader/bench/wrong-vs-reference.sh [--jobs n] [--log <selfcheck output>] [kata...]
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=2
log=
katas=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    -*) echo "usage: $0 [--jobs n] [--log file] [kata...]" >&2; exit 2 ;;
    *) katas+=("$1"); shift ;;
  esac
done
if [ -z "$log" ]; then
  jar=grader/target/grader.jar
  [ -f "$jar" ] || mvn -B -q -o package -DskipTests
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  args=(--repeat 1 --jobs "$jobs")
  for kata in "${katas[@]}"; do args+=(--exercise "$kata"); done
  java -jar "$jar" selfcheck "${args[@]}" > "$log" 2>&1 || true
fi
python3 - "$log" <<'PY'
import re, statistics, sys
from collections import defaultdict
row = re.compile(r'^(\S+) ((?:correct|wrong|reference)\S*)\s+\S+\s+[\d.]+/[\d.]+\s+([\d.]+)s')
times = defaultdict(lambda: defaultdict(list))
for line in open(sys.argv[1]):
    m = row.match(line)
    if m:
        kata, candidate, seconds = m.group(1), m.group(2), float(m.group(3))
        kind = 'wrong' if candidate.startswith('wrong/') else 'correct'
        times[kata][kind].append((candidate, seconds))
total_wrong = total_slow = 0
for kata in sorted(times):
    correct = [s for _, s in times[kata]['correct']]
    if not correct:
        continue
    reference = statistics.median(correct)
    bound = max(2 * reference, 5.0)
    wrong = times[kata]['wrong']
    slow = [(c, s) for c, s in wrong if s > bound]
    total_wrong += len(wrong)
    total_slow += len(slow)
    print(f"{kata:20s} correct median {reference:5.1f} s, bound {bound:5.1f} s: {len(slow)} of {len(wrong)} wrong slower")
    for candidate, seconds in sorted(slow, key=lambda x: -x[1]):
        print(f"    {candidate:45s} {seconds:6.1f} s")
print(f"all katas: {total_slow} of {total_wrong} wrong candidates slower than the bound")
PY
