#!/usr/bin/env bash
# Batch grading of a class against the baseline an instructor would otherwise script, on the same
# machine in the same run:
#
#   batch    java -jar grader.jar batch <class> --jobs 2, then again with --jobs 1
#   baseline for each submission: a fresh copy of the student repository with the submission's
#            sources and the hidden tests copied in, then `mvn -q verify` through Maven Invoker
#            (offline, fail at end, test failures recorded rather than stopping the build)
#
# The class is <n> copies of the samples (correct, racy, deadlocking, does-not-compile) in turn.
# Prints the wall times, the ratios the issue asks for (baseline / batch >= 4, jobs 1 / jobs 2
# >= 1.6 on 2 CPUs), and the mean time per submission of each kind, from the batch's own log.
# Changes nothing in the repo.
#
#   grader/bench/batch-vs-maven.sh [n] [--batch-only]
#
#   n             submissions in the class (default: 40)
#   --batch-only  skip the Maven baseline (about 40 minutes for 40 submissions): only --jobs 2 and 1
set -euo pipefail
cd "$(dirname "$0")/../.."
count=40
baseline=yes
for arg in "$@"; do
  case "$arg" in
    --batch-only) baseline=no ;;
    ''|*[!0-9]*) echo "usage: $0 [n] [--batch-only]" >&2; exit 2 ;;
    *) count=$arg ;;
  esac
done
repo_root=$(pwd)
jar=grader/target/grader.jar
[ -f "$jar" ] || mvn -B -q -o package -DskipTests
samples=grader/target/classes/kata-samples
kinds=(correct racy deadlocking does-not-compile)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/grader.jar"   # a build that replaces the jar mid-run must not break the runs
jar=$work/grader.jar
now() { python3 -c 'import time; print(f"{time.time():.3f}")'; }
minus() { python3 -c "print(f'{$1 - $2:.1f}')"; }

# The class: s01-correct, s02-racy, s03-deadlocking, s04-does-not-compile, s05-correct...
mkdir -p "$work/class"
for i in $(seq 1 "$count"); do
  kind=${kinds[$(( (i - 1) % ${#kinds[@]} ))]}
  cp -r "$samples/$kind" "$work/class/$(printf 's%02d-%s' "$i" "$kind")"
done

# The student repository as students get it: stubs, public tests, no build output.
cp -r exercises "$work/student-repo"
find "$work/student-repo" -name target -type d -prune -exec rm -rf {} +
rm -rf "$work/student-repo/support/src/test"
katas=$(ls grader/specs)

# The baseline driver: Maven Invoker, as in StudentFlowIT, one `mvn -q verify` per submission.
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="$m2/org/apache/maven/shared/maven-invoker/3.3.0/maven-invoker-3.3.0.jar"
cp="$cp:$m2/org/apache/maven/shared/maven-shared-utils/3.4.2/maven-shared-utils-3.4.2.jar"
cp="$cp:$m2/commons-io/commons-io/2.11.0/commons-io-2.11.0.jar:$m2/javax/inject/javax.inject/1/javax.inject-1.jar"
cp="$cp:$m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar:$m2/org/slf4j/slf4j-nop/1.7.36/slf4j-nop-1.7.36.jar"
maven_home=$(mvn -v | sed -n 's/^Maven home: //p')
cat > "$work/Baseline.java" <<'EOF'
import java.io.File;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.apache.maven.shared.invoker.*;

/** For each submission: copy the repository, put its sources and the hidden tests in, mvn -q verify. */
public class Baseline {
    public static void main(String[] args) throws Exception {
        Path classDir = Path.of(args[0]), repo = Path.of(args[1]), specs = Path.of(args[2]), work = Path.of(args[3]);
        DefaultInvoker invoker = new DefaultInvoker();
        invoker.setMavenHome(new File(args[4]));
        List<Path> submissions;
        try (Stream<Path> list = Files.list(classDir)) {
            submissions = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path submission : submissions) {
            Path copy = work.resolve(submission.getFileName());
            copyTree(repo, copy);
            try (Stream<Path> katas = Files.list(specs)) {
                for (Path spec : katas.toList()) {
                    Path kata = spec.getFileName();
                    Path sources = submission.resolve(kata).resolve("src/main/java");
                    if (Files.isDirectory(sources)) {
                        copyTree(sources, copy.resolve(kata).resolve("src/main/java"));
                    }
                    copyTree(spec.resolve("tests"), copy.resolve(kata).resolve("src/test/java"));
                }
            }
            long start = System.nanoTime();
            InvocationRequest request = new DefaultInvocationRequest().setBaseDirectory(copy.toFile())
                    .setGoals(List.of("verify")).setQuiet(true).setBatchMode(true).setOffline(true)
                    .addArgs(List.of("--fail-at-end", "-Dmaven.test.failure.ignore=true"))
                    .setOutputHandler(line -> { }).setErrorHandler(line -> { });
            int status = invoker.execute(request).getExitCode();
            System.out.printf(Locale.ROOT, "%s %.1fs exit %d%n", submission.getFileName(),
                    (System.nanoTime() - start) / 1e9, status);
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
EOF

# Warm-up, not timed, on one correct submission: the file cache, the grader's compiled test
# bundles, Maven's view of the local repository.
mkdir -p "$work/warm" && cp -r "$samples/correct" "$work/warm/"
if [ "$baseline" = yes ]; then
  java -cp "$cp" "$work/Baseline.java" "$work/warm" "$work/student-repo" grader/specs "$work/warm-maven" \
    "$maven_home" > /dev/null
fi
java -jar "$jar" batch "$work/warm" --out "$work/warm-batch" --progress none > /dev/null

echo "== $count submissions: $(for k in "${kinds[@]}"; do printf '%s ' "$k"; done)in turn; $(nproc) CPUs =="
start=$(now)
java -jar "$jar" batch "$work/class" --out "$work/jobs2" --jobs 2 --progress lines > "$work/jobs2.log"
jobs2=$(minus "$(now)" "$start")
start=$(now)
java -jar "$jar" batch "$work/class" --out "$work/jobs1" --jobs 1 --progress lines > "$work/jobs1.log"
jobs1=$(minus "$(now)" "$start")
maven=nan
touch "$work/maven.log"
if [ "$baseline" = yes ]; then
  start=$(now)
  java -cp "$cp" "$work/Baseline.java" "$work/class" "$work/student-repo" grader/specs "$work/maven" \
    "$maven_home" > "$work/maven.log"
  maven=$(minus "$(now)" "$start")
fi

cmp -s <(cut -d, -f8- "$work/jobs1/summary.csv") <(cut -d, -f8- "$work/jobs2/summary.csv") \
  && same="yes" || same="NO (see $work)"
printf '%-34s %10s\n' "run" "wall (s)"
printf '%-34s %10s\n' "batch --jobs 2" "$jobs2" "batch --jobs 1" "$jobs1" "Maven Invoker baseline (mvn verify)" "$maven"
python3 - "$jobs2" "$jobs1" "$maven" <<EOF
import sys
jobs2, jobs1, maven = map(float, sys.argv[1:])
if maven == maven:
    print(f"baseline / batch --jobs 2: {maven / jobs2:.1f}x   (issue: >= 4)")
print(f"batch --jobs 1 / --jobs 2: {jobs1 / jobs2:.2f}x  (issue: >= 1.6 on 2 CPUs)")
EOF
echo "same verdicts with --jobs 1 and --jobs 2: $same"
echo "mean seconds per submission (batch --jobs 1 log | baseline log):"
python3 - "$work/jobs1.log" "$work/maven.log" <<'EOF'
import re, sys, collections
def means(path, pattern):
    times = collections.defaultdict(list)
    for line in open(path):
        m = re.search(pattern, line)
        if m:
            times[m.group(1)].append(60 * float(m.group(2) or 0) + float(m.group(3)))
    return {k: sum(v) / len(v) for k, v in times.items()}
batch = means(sys.argv[1], r"s\d+-(\S+) .*\((?:(\d+)m)?([\d.]+)s\)")
maven = means(sys.argv[2], r"s\d+-(\S+) ()([\d.]+)s")
for kind in ["correct", "racy", "deadlocking", "does-not-compile"]:
    print(f"  {kind:18} {batch.get(kind, float('nan')):6.1f} | {maven.get(kind, float('nan')):6.1f}")
EOF
