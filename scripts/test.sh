#!/usr/bin/env bash
# Installs what RoleDesk needs (Debian packages and the pinned npm oracles), builds it and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ -f tests/interop/node/package-lock.json ]]; then
  (cd tests/interop/node && npm ci --no-audit --no-fund --loglevel=error)
fi
scripts/build.sh
BUILD_DIR=${ROLEDESK_BUILD_DIR:-build}
# Keychain tests need a session bus and a keyring daemon: run the suite inside one.
exec dbus-run-session -- scripts/ctest-in-session.sh "$BUILD_DIR"
