#!/usr/bin/env bash
# Compiles and runs DrawQuarter.java against the built libssrandom.so through JNA, and compares its output
# with the C example's, byte for byte (same strata, same plan digest). Run by ctest (test example_java).
# Exit status 77 (a ctest skip) only when Java is not installed; a missing JNA jar is a failure that says how
# to fetch it (scripts/bootstrap --java).
# Usage: run_java_example.sh LIBRARY_DIR C_EXAMPLE BUREAU_FOLDER WORK_DIR
set -euo pipefail
library_dir=$1
c_example=$2
bureau_folder=$3
work_dir=$4
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "SKIP: Java is not installed (java and javac are needed; scripts/bootstrap --java installs them)"
  exit 77
fi
jna_version=$(tr -d '[:space:]' <"$here/jna-version.txt")
jar=${SSR_JNA_JAR:-$HOME/.m2/repository/net/java/dev/jna/jna/$jna_version/jna-$jna_version.jar}
if [[ ! -f "$jar" ]]; then
  echo "the JNA jar is missing: $jar" >&2
  echo "fetch it with: scripts/bootstrap --java (or set SSR_JNA_JAR to a jna-$jna_version.jar)" >&2
  exit 1
fi

rm -rf "$work_dir"
mkdir -p "$work_dir/classes" "$work_dir/jna"
javac -encoding UTF-8 -Xlint:all -Werror -cp "$jar" -d "$work_dir/classes" "$here/DrawQuarter.java"
java -cp "$work_dir/classes:$jar" -Djna.library.path="$library_dir" -Djna.tmpdir="$work_dir/jna" \
  -Djna.nosys=true DrawQuarter "$bureau_folder" >"$work_dir/java.out"
"$c_example" "$bureau_folder" >"$work_dir/c.out"
if ! cmp -s "$work_dir/c.out" "$work_dir/java.out"; then
  echo "the Java and C examples disagree:" >&2
  diff "$work_dir/c.out" "$work_dir/java.out" >&2 || true
  exit 1
fi
cat "$work_dir/java.out"
echo "Java (JNA $jna_version) and C print the same draw"
