#!/usr/bin/env bash
# The main job on the bundled samples: installs what is needed, builds einvoice
# (Release), converts testdata/samples to UBL and to CII, converts the UBL
# results back to CII, validates the samples with the French rules, builds a
# Factur-X rendered from one of them and checks it. Outputs go to out/demo/.
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
echo "== EN 16931 and French rules on the samples"
"$einvoice" validate testdata/samples --profile fr
echo "== A Factur-X rendered from the data, then checked"
"$einvoice" facturx build --xml testdata/samples/fr-invoice-multirate.cii.xml \
  -o out/demo/fr-invoice-multirate.facturx.pdf
"$einvoice" facturx check out/demo/fr-invoice-multirate.facturx.pdf
echo "== One invoice as EN 16931 JSON (first lines; whole file in out/demo)"
"$einvoice" inspect testdata/samples/fr-invoice-multirate.cii.xml > out/demo/fr-invoice-multirate.json
head -n 25 out/demo/fr-invoice-multirate.json
echo "Done: outputs in out/demo/"
