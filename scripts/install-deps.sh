#!/usr/bin/env bash
# Installs every Debian package einvoice needs to build, test, benchmark and fuzz.
# Idempotent: packages already present are left alone; safe to run on every CI start.
# Must run as root (or with sudo available) on Debian 12 (bookworm) or newer.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # core formats
  libxml2-dev libxerces-c-dev
  # Factur-X / PDF
  libpodofo-dev libpoppler-cpp-dev qpdf poppler-utils fonts-dejavu-core fonts-liberation2
  icc-profiles-free
  # OCR
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng imagemagick
  # sealing, storage
  libssl-dev openssl libsqlite3-dev sqlite3 xmlsec1 libxmlsec1-dev libxmlsec1-openssl
  # pdfsig's NSS trust database in the PAdES tests (certutil)
  libnss3-tools
  # tests
  catch2 python3
  # JSON (corpus manifests in tests, job files)
  nlohmann-json3-dev
)

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
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
