# formats.bash: checks shared by the end-to-end scripts (sourced, not run).

# csv_ok FILE HEADER: RFC 4180 CSV with exactly HEADER, at least one row, every row as wide
csv_ok() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
head = sys.argv[2].split(',')
if not rows or rows[0] != head:
    sys.exit("header %r, expected %r" % (rows[0] if rows else None, head))
if len(rows) < 2:
    sys.exit("no rows")
for i, r in enumerate(rows[1:], 2):
    if len(r) != len(head):
        sys.exit("row %d has %d fields, the header %d" % (i, len(r), len(head)))
EOF
}

# json_ok FILE HEADER: valid JSON (python3 -m json.tool), a non-empty list of objects
# whose keys are exactly HEADER, in order
json_ok() {
    python3 -m json.tool "$1" >/dev/null || return 1
    python3 - "$1" "$2" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
head = sys.argv[2].split(',')
if not isinstance(data, list) or not data:
    sys.exit("not a non-empty list")
for i, o in enumerate(data):
    if list(o.keys()) != head:
        sys.exit("object %d has keys %r" % (i, list(o.keys())))
EOF
}
