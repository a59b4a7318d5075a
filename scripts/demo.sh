#!/usr/bin/env bash
# The main job on the bundled samples: installs what is needed, builds einvoice
# (Release), converts testdata/samples to UBL and to CII, converts the UBL
# results back to CII, and prints a summary. Outputs go to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DEINVOICE_TESTS=OFF >/dev/null
cmake --build build-release --target einvoice

einvoice=build-release/cli/einvoice
rm -rf out/demo
echo "== CII and UBL samples -> UBL"
"$einvoice" convert testdata/samples --to ubl --out-dir out/demo/ubl
echo "== CII and UBL samples -> CII"
"$einvoice" convert testdata/samples --to cii --out-dir out/demo/cii
echo "== UBL results -> CII again (round trip)"
"$einvoice" convert out/demo/ubl --to cii --out-dir out/demo/roundtrip-cii
echo "== XSD check of every output"
"$einvoice" xsd out/demo/ubl/* out/demo/cii/* out/demo/roundtrip-cii/*
echo "== One invoice as EN 16931 JSON (first lines)"
"$einvoice" inspect testdata/samples/fr-invoice-multirate.cii.xml | head -n 25
echo "Done: outputs in out/demo/"
