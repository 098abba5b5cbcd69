#!/usr/bin/env bash
# Builds every target with the dev preset (warnings are errors) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev
cmake --build --preset dev
ctest --preset dev --output-on-failure
