#!/usr/bin/env bash
# Installs a build into a temporary root (DESTDIR, prefix /usr: the .deb's layout) and checks that every file the
# desktop needs is there. Nothing is installed into the system. Registered as the CTest test packaging_install.
# Usage: packaging/check-install.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: check-install.sh BUILD_DIR}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR=$root cmake --install "$build" --prefix /usr >"$root.log" 2>&1 || { cat "$root.log"; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
id=io.github.roledesk.RoleDesk
expected=(
  usr/bin/roledesk usr/bin/roledesk-cli
  usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/icons/hicolor/symbolic/apps/$id-symbolic.svg
  usr/share/icons/hicolor/symbolic/status/$id-tray-ok-symbolic.svg
  usr/share/icons/hicolor/symbolic/status/$id-tray-warning-symbolic.svg
  usr/share/icons/hicolor/symbolic/status/$id-tray-expired-symbolic.svg
  usr/share/man/man1/roledesk.1.gz usr/share/man/man1/roledesk-cli.1.gz
  usr/share/roledesk/translations/roledesk_zh_CN.qm
  usr/share/doc/roledesk/copyright usr/share/doc/roledesk/changelog.Debian.gz
)
for size in 16 22 24 32 48 64 128 256 512; do
  expected+=(usr/share/icons/hicolor/${size}x${size}/apps/$id.png)
done
status=0
for f in "${expected[@]}"; do
  [[ -e $root/$f ]] || { echo "missing after install: /$f"; status=1; }
done
for f in usr/bin/roledesk usr/bin/roledesk-cli; do
  [[ -x $root/$f ]] || { echo "not executable: /$f"; status=1; }
done
# Each PNG must have the size its folder says (a wrong rendering is easy to commit).
if command -v file >/dev/null; then
  for size in 16 22 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
    [[ -e $png ]] && ! file "$png" | grep -q "$size x $size" && { echo "wrong size: $png"; status=1; }
  done
fi
# The installed CLI runs from its install location and says its version.
if [[ -x $root/usr/bin/roledesk-cli ]]; then
  out=$("$root/usr/bin/roledesk-cli" --version 2>&1) || { echo "roledesk-cli --version failed: $out"; status=1; }
  grep -q '0\.1\.0\|[0-9]\+\.[0-9]\+\.[0-9]\+' <<<"$out" || { echo "roledesk-cli --version printed: $out"; status=1; }
fi
echo "installed files:"; (cd "$root" && find . -type f | sort | sed 's|^\./|  /|')
((status == 0)) && echo "install tree complete"
exit $status
