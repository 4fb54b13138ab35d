#!/usr/bin/env bash
# extract_bad.sh BINARY SOURCE_DIR WORKDIR: `indikator extract` refuses what is not a text export
# (binary bytes, invalid UTF-8, text with no table or goal, a missing file) with one message
# naming the file (and line:column where there is one), exit 2 (5 for an unreadable file), and
# writes nothing.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
printf 'Indikator\x00\x01 junk\n' >"$WORK/binary.txt"
printf 'Verksamhetsplan\nr\xe4tt\n' >"$WORK/latin1.txt"
printf 'Bara l\xc3\xb6pande text,\nutan tabeller eller m\xc3\xa5l.\n' >"$WORK/prose.txt"
while IFS='|' read -r file code msg; do
  rm -rf "$WORK/out"
  "$BIN" extract "$WORK/$file" -o "$WORK/out" >/dev/null 2>"$WORK/err"
  rc=$?
  lines=$(wc -l <"$WORK/err")
  if [ "$rc" -eq "$code" ] && [ "$lines" -eq 1 ] && grep -qF "$msg" "$WORK/err" && [ ! -e "$WORK/out" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $file: exit $rc (want $code), $lines line(s), out/ $( [ -e "$WORK/out" ] && echo written || echo absent)"
    sed 's/^/    /' "$WORK/err"
  fi
done <<'CASES'
binary.txt|2|binary.txt:1:10: en NUL-byte
latin1.txt|2|latin1.txt:2:2: ogiltig UTF-8
prose.txt|2|prose.txt: ingen textexport av en VP eller VB
missing.txt|5|missing.txt: kan inte öppna
CASES
e2e_end
