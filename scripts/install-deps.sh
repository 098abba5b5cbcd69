#!/usr/bin/env bash
# Installs every Debian 12 package Fairtender needs to build, test and benchmark,
# skipping those already present. Safe to run again.
set -euo pipefail

packages=(
  # build
  cmake ninja-build pkg-config g++
  # engine
  libpugixml-dev
  # exports
  libxlsxwriter-dev
  # workspace and server
  libpoco-dev libpq-dev libsqlite3-dev libssl-dev libsodium-dev postgresql
  # desktop app and PDF reports (DejaVu is the reports' font)
  fonts-dejavu-core qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev libqt6sql6-sqlite libxkbcommon-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth
  # the server behind a real proxy, under load
  nginx wrk curl openssl
  python3 python3-numpy python3-openpyxl python3-xlsxwriter poppler-utils
  # the OCDS release package checked against the OCDS schema (uri formats need rfc3987)
  python3-jsonschema python3-rfc3987
  # the scorecard recalculation test (LibreOffice Calc, headless)
  libreoffice-calc
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
