# Completion of indikator(1) in fish; installed as
# share/fish/vendor_completions.d/indikator.fish. Everything it offers comes
# from indikator itself (`indikator __complete ...`): the commands, each
# command's options with their help, the values of --format, --lang, --gender
# and the like, a chart's KIND, and the unit and indicator names in the data on
# the command line (or the demo data when it names none).

function __indikator_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l ind $tokens[1]
    set -l n (count $tokens)
    if test $n -eq 1
        $ind __complete commands 2>/dev/null
        return
    end
    set -l cmd $tokens[2]
    set -l first 3
    if test "$cmd" = chart
        if test $n -eq 2; and not string match -q -- '-*' "$cur"
            $ind __complete kinds chart 2>/dev/null
            return
        end
        set first 4
    end
    set -l options ($ind __complete options $cmd 2>/dev/null)
    set -l prev $tokens[-1]
    set -l before ''
    if string match -q -- '--*=*' "$cur" # --option=value
        set prev (string replace -r '=.*' '' -- "$cur")
        set before "$prev="
    end
    test "$prev" = -o; and set prev --output
    set -l takes -
    for line in $options
        set -l f (string split \t -- $line)
        test "$f[1]" = "$prev"; and set takes $f[2]
    end
    switch $takes
        case unit indicator
            # the line before the cursor, without the option, names the data
            set -l data
            if test (math $n - 1) -ge $first
                set data $tokens[$first..(math $n - 1)]
            end
            for name in ($ind __complete {$takes}s $data 2>/dev/null)
                echo "$before$name"
            end
            return
        case word
            for value in ($ind __complete values $cmd $prev 2>/dev/null)
                echo "$before$value"
            end
            return
        case file
            __fish_complete_path (string replace -- "$before" '' "$cur")
            return
        case dir
            __fish_complete_directories (string replace -- "$before" '' "$cur")
            return
        case text
            return
    end
    if string match -q -- '-*' "$cur"
        for line in $options
            set -l f (string split \t -- $line)
            printf '%s\t%s\n' $f[1] $f[3]
        end
    else
        __fish_complete_path "$cur"
    end
end

complete -c indikator -f -a '(__indikator_complete)'
