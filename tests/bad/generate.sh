#!/bin/bash
# generate.sh DIR: writes the bad-input cases that are not committed as files
# (binary junk, and a 10 MB field that has no place in the repository).
set -eu
dir=$1
mkdir -p "$dir"
# A PNG-like header: line 1 "\x89PNG\r", line 2 "\x1a", a NUL opens line 3.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xd8\xff\xe0junk\x07\x08\xfe\n' \
    >"$dir/binary_junk.bin"
# A canonical file whose note on line 2 (field 5) is 10 MB of "x".
{
    printf 'unit,indicator,period,value,note\nEnhet A,AMI,2021,71,'
    head -c 10485760 /dev/zero | tr '\0' 'x'
    printf '\n'
} >"$dir/huge_field.csv"
