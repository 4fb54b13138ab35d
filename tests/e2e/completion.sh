#!/usr/bin/env bash
# completion.sh: the shell completions in completions/ offer what indikator takes.
# bash: the completion is sourced and driven as bash drives it (COMP_WORDS,
# COMP_CWORD, the function `complete -p` names), and COMPREPLY checked:
# `indikator sta<TAB>` gives status, `status --un<TAB>` --unit, `status --unit
# Vux<TAB>` Vuxenenheten, values of --format by command, chart kinds, names from
# the data on the line. zsh and fish, when installed, load their files and give
# the same words.
# Usage: completion.sh BINARY SOURCE_DIR WORKDIR
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# the completion calls `indikator` by the name typed: put it on PATH
mkdir -p bin && ln -sf "$BIN" bin/indikator
export PATH="$WORK/bin:$PATH"
# shellcheck source=/dev/null
. "$SRC/completions/indikator.bash"

# comp WORD...: runs the function `complete -p indikator` names on the words,
# the cursor in the last one; prints COMPREPLY one a line
comp() {
    local fn
    fn=$(complete -p indikator | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$fn" indikator "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}"
}
# offers WANT WORD...: the completion of the words is exactly the lines of WANT
offers() {
    local want=$1 got
    shift
    got=$(comp "$@")
    [ "$got" = "$want" ] || { echo "'$*' gives [$got], not [$want]"; return 1; }
}
# among WANT WORD...: WANT is one of the completions
among() {
    local want=$1
    shift
    comp "$@" | grep -qxF -- "$want" || { echo "'$*' gives [$(comp "$@" | tr '\n' '|')], without $want"; return 1; }
}

if complete -p indikator 2>/dev/null | grep -q -- '-F _indikator indikator'; then ok; else
    bad "complete -p indikator: $(complete -p indikator 2>&1)"
fi
check "sta -> status" offers status indikator sta
check "ch -> check, chart" offers "$(printf 'check\nchart')" indikator ch
check "status --un -> --unit" offers --unit indikator status --un
check "status --unit Vux -> Vuxenenheten" offers Vuxenenheten indikator status --unit Vux
check "names without case" offers Vuxenenheten indikator status --unit vux
check "a name with a blank" offers "Hemtjänsten Norr" indikator status --unit Hemtj
check "indicator aliases" among FREDA-kortfrågor indikator compare --indicator FRE
check "--format of status" offers "$(printf 'table\ncsv\njson\ncsv-sv\nxlsx')" indikator status --format ""
check "--format of report" offers "$(printf 'pdf\nxlsx\ndocx\nhtml')" indikator report --format ""
check "--format=c" offers "$(printf 'csv\ncsv-sv')" indikator status --format = c
check "--lang" offers "$(printf 'sv\nen')" indikator trend --lang ""
check "--gender" among all indikator status --gender ""
check "chart kinds" offers funnel indikator chart fun
check "a kind's options" among --trendline indikator chart trend --tr
check "an option status does not take is not offered" offers "" indikator status --fail
check "hidden --units is not offered" offers --unit indikator compare --unit
# names from the data on the line: a VB table of one unit
cp "$SRC/datasets/demo/vb-2025-hemtjansten-norr.csv" vb.csv
check "units of the files on the line" offers "Hemtjänsten Norr" \
    indikator status vb.csv --unit '"Hemtjänsten Norr"' --indicator Sjuk --unit ""
check "files after a command" among vb.csv indikator check v
check "folders for extract -o" among bin indikator extract -o b
check "the hidden subcommand prints names one a line" \
    bash -c "\"$BIN\" __complete units | grep -qxF Vuxenenheten"

# zsh and fish, where installed: their files load, and ask indikator the same words
if command -v zsh >/dev/null 2>&1; then
    check "zsh: the function loads" zsh -fc "fpath=($SRC/completions \$fpath); autoload -Uz _indikator; whence -w _indikator"
    cat >z.zsh <<EOF
compadd() { while [[ \$1 == -* ]]; do case \$1 in -M) shift 2;; -a) shift; print -l -- "\${(@P)1}"; return;; --) shift; break;; *) shift;; esac; done; print -l -- "\$@" }
_describe() { print -l -- "\${(@P)4}" }
_files() { print FILES }
compset() { PREFIX=\${PREFIX#*=} }
source $SRC/completions/_indikator >/dev/null
words=(indikator status --unit Vux); CURRENT=4; PREFIX=Vux; _indikator
words=(indikator sta); CURRENT=2; PREFIX=sta; _indikator
EOF
    check "zsh: units and commands" bash -c "zsh -f z.zsh | grep -qxF Vuxenenheten && zsh -f z.zsh | grep -qxF status"
fi
if command -v fish >/dev/null 2>&1; then
    check "fish: status --unit Vux" bash -c "fish -c 'source $SRC/completions/indikator.fish; complete -C\"indikator status --unit Vux\"' | grep -qxF Vuxenenheten"
    check "fish: options with help" bash -c "fish -c 'source $SRC/completions/indikator.fish; complete -C\"indikator status --un\"' | grep -q '^--unit	'"
fi

e2e_end
