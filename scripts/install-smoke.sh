#!/usr/bin/env bash
# usage: install-smoke.sh BUILD_DIR SAMPLES_DIR
# Installs BUILD_DIR into a throw-away prefix, moves the prefix elsewhere and,
# from / with an empty environment, checks that its einvoice
#   - finds its own share/einvoice/schemas (broken on purpose first: the error
#     must name the moved prefix, so no other schema folder stood in for it),
#   - validates the CII and UBL samples of SAMPLES_DIR (exit 0),
#   - renders and checks a Factur-X from a sample (fonts and ICC profile found).
# Exit 0 when all hold, 1 with the failing step otherwise.
set -euo pipefail
source "$(dirname "$0")/smoke-common.sh"
smoke_setup install-smoke "$1" "$2"

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" ||
  { cat "$work/install.log" >&2; smoke_fail "cmake --install failed"; }
mv "$work/prefix" "$work/moved"
einvoice="$work/moved/bin/einvoice"
schemas="$work/moved/share/einvoice/schemas"
[[ -f "$schemas/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd" ]] ||
  smoke_fail "no schemas installed in $schemas"

mv "$schemas" "$schemas.real"
mkdir -p "$schemas/cii-d16b" "$schemas/ubl-2.1"
if (cd / && env -i PATH=/usr/bin:/bin "$einvoice" validate \
  "$samples/fr-invoice-multirate.cii.xml") >"$work/broken.log" 2>&1; then
  smoke_fail "validated without the installed schemas: another schema folder was used"
fi
grep -q "$schemas" "$work/broken.log" ||
  { cat "$work/broken.log" >&2; smoke_fail "the error does not name the moved prefix's schemas"; }
rm -rf "$schemas"
mv "$schemas.real" "$schemas"

smoke_samples "$einvoice"
echo "install-smoke: an installed, moved einvoice validates and renders Factur-X from / with no environment"
