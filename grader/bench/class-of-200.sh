#!/usr/bin/env bash
# A realistic class graded in one batch: n submissions (default 200) built from solutions/, in turn
#
#   complete      every kata from one of its correct candidates                (a third)
#   partial       every other kata from a correct candidate, the rest missing  (a third)
#   wrong         every kata from one of its wrong candidates                  (a sixth)
#   stub          the student repository as cloned (the stubs)                 (a twelfth)
#   no-compile    the stubs, each with a syntax error                          (a twelfth)
#
# then `java -jar grader.jar batch <class> --jobs <j>`. Candidates are taken in turn, so the class is
# the same on every run. Prints the wall time, the goal (30 minutes on 2 CPUs), and per kind the mean
# time of the test JVMs' checks per submission, from the scorecards. Changes nothing in the repo.
#
#   grader/bench/class-of-200.sh [n] [--jobs j] [--keep <dir>]
#
#   --keep <dir>  write the class and the batch's output there instead of a temporary folder
set -euo pipefail
cd "$(dirname "$0")/../.."
count=200
jobs=2
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    ''|*[!0-9]*) echo "usage: $0 [n] [--jobs j] [--keep dir]" >&2; exit 2 ;;
    *) count=$1; shift ;;
  esac
done
jar=grader/target/grader.jar
[ -f "$jar" ] || mvn -B -q -o package -DskipTests
if [ -n "$keep" ]; then
  work=$keep
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
cp "$jar" "$work/grader.jar"   # a build that replaces the jar mid-run must not break the run
katas=$(ls grader/specs)

# One submission of a kind: number $1, kind $2.
pick() {  # pick <kata> <correct|wrong> <i>: the i-th candidate, in turn
  local list=(solutions/$1/$2/*/)
  echo "${list[$(( $3 % ${#list[@]} ))]}"
}
make_submission() {
  local i=$1 kind=$2 dir=$3 k=0
  mkdir -p "$dir"
  for kata in $katas; do
    k=$((k + 1))
    case "$kind" in
      complete) src=$(pick "$kata" correct "$i")src/main/java ;;
      partial) if [ $((k % 2)) -eq 0 ]; then src=$(pick "$kata" correct "$i")src/main/java; else continue; fi ;;
      wrong) src=$(pick "$kata" wrong "$i")src/main/java ;;
      stub|no-compile) src=exercises/$kata/src/main/java ;;
    esac
    mkdir -p "$dir/$kata/src/main"
    cp -r "$src" "$dir/$kata/src/main/java"
    if [ "$kind" = no-compile ]; then
      file=$(find "$dir/$kata/src/main/java" -name '*.java' | sort | head -1)
      echo 'class Broken { void f() { int x = } }' >> "$file"
    fi
  done
}
mkdir -p "$work/class"
for i in $(seq 1 "$count"); do
  r=$(( (i - 1) % 12 ))
  if [ $r -lt 4 ]; then kind=complete
  elif [ $r -lt 8 ]; then kind=partial
  elif [ $r -lt 10 ]; then kind=wrong
  elif [ $r -lt 11 ]; then kind=stub
  else kind=no-compile
  fi
  make_submission "$i" "$kind" "$work/class/$(printf 's%03d-%s' "$i" "$kind")"
done

start=$(date +%s.%N)
java -jar "$work/grader.jar" batch "$work/class" --jobs "$jobs" --out "$work/out" --progress none --no-similarity \
  > "$work/batch.log" 2>&1 || { tail -20 "$work/batch.log"; exit 1; }
end=$(date +%s.%N)

python3 - "$work/out/scorecards" "$start" "$end" "$count" "$jobs" <<'PY'
import json, os, sys
from collections import defaultdict
folder, start, end, count, jobs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
wall = end - start
kinds = defaultdict(list)
for name in sorted(os.listdir(folder)):
    card = json.load(open(os.path.join(folder, name)))
    kind = name.split('-', 1)[1].rsplit('.', 1)[0]
    kinds[kind].append(sum(e.get('duration_millis', 0) for e in card['exercises']) / 1000)
print(f"class of {count}, batch --jobs {jobs}: {wall / 60:.1f} min wall ({wall / count:.1f} s per submission);"
      f" goal: at most 30 min on 2 CPUs")
for kind, times in kinds.items():
    print(f"  {kind:11s} {len(times):4d} submissions, checks {sum(times) / len(times):6.1f} s each on average")
PY
