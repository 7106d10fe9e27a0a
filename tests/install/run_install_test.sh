#!/usr/bin/env bash
# Installs the built library into a fresh prefix, then builds and runs consumers against that install tree
# only: a CMake project (find_package: ssrandom::ssrandom from C, ssrandom::cpp from C++) and a plain C
# compile with pkg-config. All three must print the same plan digest. Run by ctest (test install_tree).
# Usage: run_install_test.sh BUILD_DIR WORK_DIR GENERATOR C_COMPILER
set -euo pipefail
build_dir=$1
work_dir=$2
generator=$3
c_compiler=$4
source_dir=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work_dir"
mkdir -p "$work_dir"
prefix="$work_dir/prefix"
cmake --install "$build_dir" --prefix "$prefix" >"$work_dir/install.log"

# find_package, with only the install tree on the search path.
cmake -S "$source_dir" -B "$work_dir/consumer" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$c_compiler" >"$work_dir/configure.log"
cmake --build "$work_dir/consumer" -j 2 >"$work_dir/build.log"
from_c=$("$work_dir/consumer/consumer_c")
from_cpp=$("$work_dir/consumer/consumer_cpp")

# pkg-config, relocated: the .pc file finds its prefix from its own location.
pc_dir=$(dirname "$(find "$prefix" -name ssrandom.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs ssrandom)
# shellcheck disable=SC2086  # the flags are words
"$c_compiler" -std=c99 -Wall -Wextra -pedantic -Werror "$source_dir/consumer.c" $flags -o "$work_dir/consumer_pc"
lib_dir=$(PKG_CONFIG_PATH="$pc_dir" pkg-config --variable=libdir ssrandom)
from_pc=$(LD_LIBRARY_PATH="$lib_dir" "$work_dir/consumer_pc")

echo "find_package, C:   $from_c"
echo "find_package, C++: $from_cpp"
echo "pkg-config, C:     $from_pc"
if [[ "$from_c" != "$from_cpp" || "$from_c" != "$from_pc" || "$from_c" != libssrandom* ]]; then
  echo "the consumers disagree" >&2
  exit 1
fi
