#!/usr/bin/env bash
# Fails when any user-visible string of core/, ui/ or app/ has no finished translation.
# Runs lupdate into a temporary copy of each resources/translations/*.ts (the committed files are not touched),
# then counts entries that are unfinished (new or changed strings) or have an empty translation.
# Registered as the CTest test packaging_translations.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/packaging/translations-common.sh"
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
shopt -s nullglob
files=(resources/translations/roledesk_*.ts)
((${#files[@]})) || { echo "no resources/translations/roledesk_*.ts found"; exit 1; }
for ts in "${files[@]}"; do
  copy=$tmp/$(basename "$ts")
  cp "$ts" "$copy"
  LUPDATE_LOCATIONS=absolute run_lupdate "$copy" 2>"$tmp/lupdate.err"
  # A tr() lupdate cannot give a context (a free function calling a file-local tr helper) is never extracted, so
  # it could never be translated: that is a failure too, not just a warning.
  if grep -q 'cannot be called without context' "$tmp/lupdate.err"; then
    status=1
    echo "Strings lupdate cannot extract (no translation context):"
    grep 'cannot be called without context' "$tmp/lupdate.err" | sed "s|^$root/|  |"
    echo "Fix: call QCoreApplication::translate(\"Context\", \"...\") there, or move the code into a class with"
    echo "     Q_OBJECT or Q_DECLARE_TR_FUNCTIONS."
  fi
  total=$(grep -c '<message' "$copy" || true)
  # Entries lupdate marks vanished/obsolete are not counted: -no-obsolete drops them anyway.
  unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
  empty=$(grep -cE '<translation>\s*</translation>|<translation/>' "$copy" || true)
  echo "$ts: $total strings, $unfinished unfinished, $empty empty"
  if ((unfinished + empty > 0)); then
    status=1
    echo "Untranslated strings (source text, then where it is used):"
    # Print each unfinished message's source and location so the fix is obvious.
    rel=$(realpath --relative-to="$tmp" "$root")
    awk -v rel="$rel/" '
      /<message/ {src = ""; where = ""}
      /<location / {
        f = $0; sub(/.*filename="/, "", f); sub(/".*/, "", f); if (index(f, rel) == 1) f = substr(f, length(rel) + 1)
        l = $0; sub(/.*line="/, "", l); sub(/".*/, "", l)
        if ($0 ~ /filename=/) file = f
        where = where " " file ":" l
      }
      /<source>/ {src = $0; sub(/^[[:space:]]*<source>/, "", src); sub(/<\/source>.*/, "", src)}
      /type="unfinished"|<translation>[[:space:]]*<\/translation>/ {print "  \"" src "\"" where}' "$copy" |
      sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e "s/&apos;/'/g" -e 's/&quot;/"/g' -e 's/&amp;/\&/g' | head -300
    echo "Fix: packaging/update-translations.sh, translate in Qt Linguist, commit $ts"
  fi
done
exit $status
