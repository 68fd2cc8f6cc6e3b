#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metainfo with the freedesktop tools (offline).
# Registered as the CTest test packaging_metadata. Exit 77 (CTest: skipped) when neither tool is installed;
# scripts/install-deps.sh installs both (desktop-file-utils, appstream).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.roledesk.RoleDesk
desktop=${1:-$here/linux/$app_id.desktop}
metainfo=${2:-$here/linux/$app_id.metainfo.xml}
ran=0 failed=0

if command -v desktop-file-validate >/dev/null; then
  ran=1
  echo "desktop-file-validate $desktop"
  out=$(desktop-file-validate "$desktop" 2>&1) || failed=1
  [[ -n $out ]] && echo "$out"
  # desktop-file-validate exits 0 on some errors in old versions: treat any "error:" line as a failure.
  grep -q 'error:' <<<"$out" && failed=1
else
  echo "desktop-file-validate not found (Debian package desktop-file-utils): desktop entry not validated"
fi

if command -v appstreamcli >/dev/null; then
  ran=1
  echo "appstreamcli validate --no-net $metainfo"
  appstreamcli validate --no-net --explain "$metainfo" || failed=1
else
  echo "appstreamcli not found (Debian package appstream): metainfo not validated"
fi

# The two files must agree with each other and with the icon that is installed.
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  || { echo "metainfo does not launch $app_id.desktop"; failed=1; }
grep -q "^Icon=$app_id\$" "$desktop" || { echo "desktop entry Icon= is not $app_id"; failed=1; }
[[ -f $here/../resources/icons/src/roledesk.svg ]] || { echo "application icon SVG missing"; failed=1; }

# Screenshot URLs point at docs/screenshots on the main branch: say which of those files are not committed yet.
repo_root=$here/..
while read -r url; do
  local_path=$repo_root/${url#*/main/}
  [[ -f $local_path ]] || echo "warning: screenshot not in the repository yet: ${url#*/main/}"
done < <(sed -n 's|.*<image[^>]*>\(https://raw.githubusercontent.com/roledesk/RoleDesk/main/[^<]*\)</image>.*|\1|p' "$metainfo")

if ((failed)); then echo "FAILED: desktop metadata is not valid"; exit 1; fi
if ((!ran)); then echo "SKIPPED: no validator installed"; exit 77; fi
echo "desktop metadata valid"
