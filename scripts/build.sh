#!/usr/bin/env bash
# Configures and builds RoleDesk into ./build (or $ROLEDESK_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${ROLEDESK_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} -DROLEDESK_WERROR=ON
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
