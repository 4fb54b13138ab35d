# Completion of indikator(1) in bash; installed as
# share/bash-completion/completions/indikator. Everything it offers comes from
# indikator itself (`indikator __complete ...`): the commands, each command's
# options, the values of --format, --lang, --gender and the like, a chart's
# KIND, and the unit and indicator names in the data on the command line (or
# the demo data when the line names none).

# A word as typed, without its quotes and backslashes ("Hemtjänsten\ Norr").
_indikator_dequote()
{
    local w=${1//\\/}
    w=${w//\"/}
    printf '%s' "${w//\'/}"
}

# COMPREPLY: the lines of $1 that start with $2, case ignored.
_indikator_match()
{
    local line had
    had=$(shopt -p nocasematch)
    shopt -s nocasematch
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -n $line && $line == "$2"* ]] && COMPREPLY+=("$line")
    done <<<"$1"
    eval "$had"
}

_indikator()
{
    local ind=${COMP_WORDS[0]} i w
    # the words with --option=value joined again (bash splits them at '='),
    # and where the cursor's word is among them
    local -a words=()
    local at=0 join=0
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == = && ${#words[@]} -gt 0 ]]; then
            words[${#words[@]} - 1]+==
            join=1
        elif ((join)); then
            words[${#words[@]} - 1]+=$w
            join=0
        else
            words+=("$w")
        fi
        ((i == COMP_CWORD)) && at=$((${#words[@]} - 1))
    done
    ((at < ${#words[@]})) || words+=("")
    local cur=${words[at]} prev=
    ((at > 0)) && prev=${words[at - 1]}
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi

    if ((at == 1)); then
        _indikator_match "$("$ind" __complete commands 2>/dev/null)" "$cur"
        return 0
    fi
    local cmd=${words[1]} first=2
    if [[ $cmd == chart ]]; then
        if ((at == 2)) && [[ $cur != -* ]]; then
            _indikator_match "$("$ind" __complete kinds chart 2>/dev/null)" "$cur"
            return 0
        fi
        first=3
    fi
    local options
    options=$("$ind" __complete options "$cmd" 2>/dev/null) || return 0

    # what the option before the cursor takes: "-" nothing, unit, indicator, word, file, dir, text
    local takes=-
    [[ $prev == -* ]] && takes=$(awk -F '\t' -v o="$prev" '$1 == o { print $2 }' <<<"$options")
    [[ $prev == -o ]] && takes=$(awk -F '\t' '$1 == "--output" { print $2 }' <<<"$options")
    case $takes in
    unit | indicator)
        # the rest of the line, without the word completed and its option, names the data
        local -a data=()
        for ((i = first; i < ${#words[@]}; i++)); do
            ((i == at || i == at - 1)) && continue
            data+=("$(_indikator_dequote "${words[i]}")")
        done
        compopt -o filenames 2>/dev/null # quotes the blanks in "Hemtjänsten Norr"
        _indikator_match "$("$ind" __complete "${takes}s" "${data[@]}" 2>/dev/null)" "$(_indikator_dequote "$cur")"
        return 0
        ;;
    word)
        _indikator_match "$("$ind" __complete values "$cmd" "$prev" 2>/dev/null)" "$cur"
        return 0
        ;;
    file)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return 0
        ;;
    dir)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return 0
        ;;
    text)
        COMPREPLY=()
        return 0
        ;;
    esac
    if [[ $cur == -* ]]; then
        _indikator_match "$(cut -f 1 <<<"$options")" "$cur"
    else
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
}

complete -F _indikator indikator
