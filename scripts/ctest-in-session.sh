#!/usr/bin/env bash
# Runs inside dbus-run-session: unlocks a throw-away gnome-keyring for the keychain tests, then CTest.
# The keyring lives in temporary XDG folders and dies with the session bus; the user's own keyring is never used.
set -euo pipefail
BUILD_DIR=$1
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
if command -v gnome-keyring-daemon >/dev/null; then
  # --unlock reads the password on stdin and creates the "login" keyring (the default collection) with it.
  eval "$(printf 'roledesk-test\n' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  # With a keyring daemon here, tests/ui/test_keychainstore must do the real round trip: a keyring that does not
  # work is a failure, not a skip.
  export ROLEDESK_REQUIRE_KEYRING=1
  if command -v secret-tool >/dev/null; then
    if printf 'probe' | timeout 30 secret-tool store --label='RoleDesk test probe' roledesk-probe 1 2>/dev/null \
      && [[ $(timeout 30 secret-tool lookup roledesk-probe 1 2>/dev/null) == probe ]]; then
      timeout 30 secret-tool clear roledesk-probe 1 || true
      echo "ctest-in-session: throw-away gnome-keyring unlocked and working"
    else
      echo "ctest-in-session: WARNING: the throw-away gnome-keyring does not store secrets; keychain tests will fail" >&2
    fi
  fi
else
  echo "ctest-in-session: gnome-keyring-daemon not installed: keychain round-trip tests will be skipped" >&2
fi
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "${@:2}"
