#!/usr/bin/env bash
# Builds the Gradescope autograder bundle: a zip with setup.sh, run_autograder and grader.jar at its
# root, ready for "Configure Autograder > Zip file upload" (base image: Ubuntu, any recent version).
#
#   templates/gradescope/make-bundle.sh [out.zip]     (default: grader/target/gradescope-autograder.zip)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:-$root/grader/target/gradescope-autograder.zip}")
jar=$root/grader/target/grader.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp "$here/setup.sh" "$here/run_autograder" "$jar" "$staging/"
chmod +x "$staging/setup.sh" "$staging/run_autograder"
rm -f "$out"
(cd "$staging" && python3 -c "
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name in ['setup.sh', 'run_autograder', 'grader.jar']:
        info = zipfile.ZipInfo.from_file(name)
        with open(name, 'rb') as f:
            z.writestr(info, f.read())
" "$out")
echo "Gradescope bundle: $out"
