#!/usr/bin/env bash
# The whole test suite: installs what is needed, builds with AddressSanitizer
# and UndefinedBehaviorSanitizer and warnings as errors, runs every test
# through ctest. Expects the shared corpus and schemas in ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
if [[ ! -d ../shared/corpus || ! -d ../shared/schemas ]]; then
  echo "test.sh: ../shared (corpus and schemas) must sit beside this checkout" >&2
  exit 2
fi
jobs=$(nproc)
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEINVOICE_SANITIZE=ON \
  -DEINVOICE_WERROR=ON -DCMAKE_CXX_FLAGS="-O1"
cmake --build build-asan -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j "$jobs"
