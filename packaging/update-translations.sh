#!/usr/bin/env bash
# Updates resources/translations/*.ts from the current sources (core/, ui/, app/) with lupdate.
# Then translate the new entries in Qt Linguist (linguist resources/translations/roledesk_zh_CN.ts) and commit.
# The CTest test packaging_translations fails while any entry is unfinished.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/packaging/translations-common.sh"
cd "$root"
# New languages: create the file by name first (e.g. touch resources/translations/roledesk_de.ts is not enough:
# pass it as an argument: packaging/update-translations.sh resources/translations/roledesk_de.ts).
shopt -s nullglob
files=("$@")
((${#files[@]})) || files=(resources/translations/roledesk_*.ts)
((${#files[@]})) || files=(resources/translations/roledesk_zh_CN.ts)
for ts in "${files[@]}"; do
  run_lupdate "$ts"
done
