#!/usr/bin/env bash
# Installs every Debian package einvoice needs to build, test, benchmark and fuzz.
# Idempotent: packages already present are left alone; safe to run on every CI start.
# Must run as root (or with sudo available) on Debian 12 (bookworm) or newer.
# --bench adds what only the OCR evaluation corpus needs (bench/layout_corpus
# prints its invoices with headless Chromium).
set -euo pipefail

packages=(
  # toolchain (clang and its runtime for the libFuzzer build; dpkg-dev and file for cpack -G DEB)
  build-essential cmake ninja-build pkg-config git clang-format clang libclang-rt-14-dev
  dpkg-dev file
  # command line
  libcli11-dev
  # core formats
  libxml2-dev libxerces-c-dev
  # Factur-X / PDF
  libpodofo-dev libqpdf-dev libharfbuzz-dev libpoppler-cpp-dev qpdf poppler-utils
  fonts-dejavu-core fonts-liberation2
  icc-profiles-free
  # OCR
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng imagemagick
  libutf8proc-dev
  # sealing (HTTP timestamp authorities), storage
  libssl-dev openssl libcurl4-openssl-dev libsqlite3-dev sqlite3 xmlsec1 libxmlsec1-dev libxmlsec1-openssl
  # accounts: Argon2id password hashes
  libargon2-dev
  # pdfsig's NSS trust database in the PAdES tests (certutil)
  libnss3-tools
  # tests
  catch2 python3
  # JSON (corpus manifests in tests, job files)
  nlohmann-json3-dev
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
# One line says what is installed; apt's progress goes to a log shown only on failure.
log=$(mktemp "${TMPDIR:-/tmp}/einvoice-install-deps.XXXXXX.log")
echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]} (log: $log)"
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends \
  "${missing[@]}"; } >"$log" 2>&1; then
  echo "install-deps: apt-get failed; its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "install-deps: done"
rm -f "$log"
