#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu). The bundle's
# files are in /autograder/source. The grader needs a JDK (it compiles submissions with javac,
# in-process) and nothing else: the course is inside grader.jar, and run_autograder needs only bash.
set -euo pipefail
home=${AUTOGRADER_HOME:-/autograder}   # the same override as run_autograder, to try the bundle outside Gradescope
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless
java -version
# Fail the image build, not the first student, if the jar cannot run.
java -jar "$home/source/grader.jar" --version
