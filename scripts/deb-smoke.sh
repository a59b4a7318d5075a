#!/usr/bin/env bash
# usage: deb-smoke.sh BUILD_DIR SAMPLES_DIR   (as root; CI only: installs into /usr)
# Builds the Debian package of BUILD_DIR (cpack -G DEB), installs it with
# dpkg -i and, from / with an empty environment, validates the samples and
# renders a Factur-X with /usr/bin/einvoice. The package is removed at the end.
set -euo pipefail
source "$(dirname "$0")/smoke-common.sh"
smoke_setup deb-smoke "$1" "$2"

(cd "$build" && cpack -G DEB -B "$work/package") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; smoke_fail "cpack -G DEB failed"; }
deb=$(ls "$work"/package/einvoice_*.deb)
echo "deb-smoke: $(basename "$deb"), depends: $(dpkg-deb -f "$deb" Depends)"
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; smoke_fail "dpkg -i failed"; }
smoke_cleanup() {
  dpkg -r einvoice >/dev/null 2>&1 || true
  rm -rf "$work"
}
[[ -x /usr/bin/einvoice ]] || smoke_fail "the package put no /usr/bin/einvoice"
[[ -d /usr/share/einvoice/schemas/cii-d16b ]] || smoke_fail "the package holds no schemas"

smoke_samples /usr/bin/einvoice
echo "deb-smoke: dpkg -i, then /usr/bin/einvoice validates and renders from / with no environment"
