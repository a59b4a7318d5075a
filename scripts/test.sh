#!/usr/bin/env bash
# The whole test suite: installs what is needed, builds with AddressSanitizer
# and UndefinedBehaviorSanitizer and warnings as errors and runs every test
# through ctest; then builds the Release configuration users build (the program
# and the benchmarks, warnings as errors; the tests ran above), installs it
# into a moved prefix and, as root, as a Debian package, and runs einvoice
# from each with no environment.
# Expects the shared corpus in ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
if [[ ! -d ../shared/corpus ]]; then
  echo "test.sh: ../shared/corpus must sit beside this checkout" >&2
  exit 2
fi
python3 scripts/check-schemas.py
jobs=$(nproc)
# -g1: line tables only, enough for the sanitizers' stack traces, and a
# quarter less compile time than full debug information.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEINVOICE_SANITIZE=ON \
  -DEINVOICE_WERROR=ON -DCMAKE_CXX_FLAGS="-O1" -DCMAKE_CXX_FLAGS_DEBUG="-g1"
cmake --build build-asan -j "$jobs"
(
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
)

echo "== Release build (as users build it, warnings as errors)"
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DEINVOICE_WERROR=ON \
  -DEINVOICE_TESTS=OFF -DEINVOICE_BENCH=ON
cmake --build build-release -j "$jobs"
bash scripts/install-smoke.sh build-release testdata/samples
if [[ $(id -u) -eq 0 ]]; then
  bash scripts/deb-smoke.sh build-release testdata/samples
else
  echo "test.sh: not root, Debian package smoke test skipped"
fi
