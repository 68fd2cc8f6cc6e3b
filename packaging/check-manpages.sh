#!/usr/bin/env bash
# Renders each man page with warnings on (the check Debian's lintian runs) and fails on any warning.
# Registered as the CTest test packaging_manpages; exit 77 (skipped) without man-db.
set -euo pipefail
cd "$(dirname "$0")/man"
command -v man >/dev/null || { echo "SKIPPED: man (man-db) not installed"; exit 77; }
status=0
for page in *.1; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
  if [[ -n $warnings ]]; then
    echo "$page: groff warnings:"; echo "$warnings"; status=1
  fi
  # The page must render to something that names the program it documents.
  name=${page%.1}
  MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q "^NAME" || { echo "$page: renders without a NAME section"; status=1; }
  grep -q "^$name \\\\- " "$page" || { echo "$page: NAME line does not start with $name"; status=1; }
done
((status == 0)) && echo "man pages render cleanly"
exit $status
