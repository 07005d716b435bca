#!/usr/bin/env bash
# CPU time of a student's one-kata build against a bare one-test Maven project, side by side:
#
#   kata   in the published student repository, `mvn -B -o verify -pl fix-the-race -am`
#          after touching the kata's source, as a student re-runs after an edit
#   bare   a project with one class and one JUnit test (same JUnit and plugin versions, Maven's
#          defaults), `mvn -B -o verify` after touching its source
#   bare+  the same bare project with the student repository's .mvn/jvm.config (Maven's own JVM
#          options), to show how much of the difference those options make
#
# Both run once first to fill the local repository and the build outputs; then the runs alternate,
# each measured as the user + system CPU seconds of Maven and every process it started. The kata is
# measured twice: with its starting code (every check fails) and with the reference solution (every
# check runs to the end). Prints each run, the medians and the ratios. Changes nothing in the repo.
#
#   grader/bench/student-vs-bare.sh [runs] [--published <dir>]
#
#   runs               measured runs of each (default: 5)
#   --published <dir>  measure this already published repository instead of publishing one
#                      (say, one published by an older grader.jar, for a before/after comparison)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=5
published=
while [ $# -gt 0 ]; do
  case "$1" in
    --published) published=$(cd "$2" && pwd); shift 2 ;;
    ''|*[!0-9]*) echo "usage: $0 [runs] [--published <dir>]" >&2; exit 2 ;;
    *) runs=$1; shift ;;
  esac
done
jar=grader/target/grader.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kata=fix-the-race
source=kata/race/Counter.java

if [ -n "$published" ]; then
  cp -r "$published" "$work/repo"
  find "$work/repo" -name target -type d -prune -exec rm -rf {} +
else
  java -jar "$jar" publish "$work/repo" > /dev/null
fi
cp "$work/repo/$kata/src/main/java/$source" "$work/stub.java"

# The bare project, with the versions the student repository pins.
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" exercises/pom.xml | head -1; }
plugin() { grep -A1 "<artifactId>$1</artifactId>" exercises/pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1; }
mkdir -p "$work/bare/src/main/java/demo" "$work/bare/src/test/java/demo"
cat > "$work/bare/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>bare</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.junit</groupId>
        <artifactId>junit-bom</artifactId>
        <version>$(version junit.version)</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>$(plugin maven-resources-plugin)</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>$(plugin maven-compiler-plugin)</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>$(plugin maven-surefire-plugin)</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>$(plugin maven-jar-plugin)</version></plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
cat > "$work/bare/src/main/java/demo/Counter.java" <<'EOF'
package demo;

public class Counter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int get() {
        return count;
    }
}
EOF
cat > "$work/bare/src/test/java/demo/CounterTest.java" <<'EOF'
package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void counts() {
        Counter counter = new Counter();
        counter.increment();
        assertEquals(1, counter.get());
    }
}
EOF

cp -r "$work/bare" "$work/bare-tuned"
if [ -f "$work/repo/.mvn/jvm.config" ]; then
  mkdir -p "$work/bare-tuned/.mvn"
  cp "$work/repo/.mvn/jvm.config" "$work/bare-tuned/.mvn/"
fi

# CPU seconds (user + system) of a command and all its descendants.
cpu() {
  python3 - "$@" <<'EOF'
import resource, subprocess, sys
def used():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
before = used()
subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{used() - before:.2f}")
EOF
}
kata_run() { touch "$work/repo/$kata/src/main/java/$source"; cpu "$work/repo" mvn -B -o verify -pl "$kata" -am; }
bare_run() { touch "$work/$1/src/main/java/demo/Counter.java"; cpu "$work/$1" mvn -B -o verify; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

mvn -B -q -f "$work/repo/pom.xml" verify -pl "$kata" -am > /dev/null 2>&1 || true   # fill the local repository
mvn -B -q -f "$work/bare/pom.xml" verify > /dev/null
mvn -B -q -f "$work/bare-tuned/pom.xml" verify > /dev/null

printf '%-6s %14s %16s %9s %10s\n' run "kata stub (s)" "kata solved (s)" "bare (s)" "bare+ (s)"
stub=(); solved=(); bare=(); tuned=()
for i in $(seq 1 "$runs"); do
  cp "$work/stub.java" "$work/repo/$kata/src/main/java/$source"
  stub+=("$(kata_run)")
  bare+=("$(bare_run bare)")
  cp "solutions/$kata/src/main/java/$source" "$work/repo/$kata/src/main/java/$source"
  solved+=("$(kata_run)")
  tuned+=("$(bare_run bare-tuned)")
  printf '%-6s %14s %16s %9s %10s\n' "$i" "${stub[-1]}" "${solved[-1]}" "${bare[-1]}" "${tuned[-1]}"
done
m_stub=$(median "${stub[@]}"); m_solved=$(median "${solved[@]}"); m_bare=$(median "${bare[@]}")
m_tuned=$(median "${tuned[@]}")
printf '%-6s %14s %16s %9s %10s\n' median "$m_stub" "$m_solved" "$m_bare" "$m_tuned"
python3 -c "print(f'kata / bare CPU: {$m_stub / $m_bare:.2f} with the starting code, {$m_solved / $m_bare:.2f} solved (goal: at most 1.5)')"
python3 -c "print(f'kata / bare+ CPU (same Maven JVM options): {$m_stub / $m_tuned:.2f} with the starting code, {$m_solved / $m_tuned:.2f} solved')"
