#!/usr/bin/env bash
# Smoke test of the frozen nnlab that packaging/pyinstaller/build.sh made: run it the ways a
# user does and check each exit status and what it wrote. From the repository root:
#
#     packaging/pyinstaller/smoke-test.sh [FOLDER]      (default: dist/nnlab)
#
# One line per check (PASS or FAIL, its time, its exit status); exit status 1 if any failed.
# The program runs in a temporary folder with its own settings (one folder per check) and
# cache folders, so the user's are not touched, and each check is stopped after
# CHECK_TIMEOUT seconds (default 120; needs coreutils' timeout, else checks run without a
# limit).
set -euo pipefail

cd "$(dirname "$0")/../.."
folder="${1:-dist/nnlab}"
limit="${CHECK_TIMEOUT:-120}"

if [ -x "$folder.app/Contents/MacOS/nnlab" ]; then
    program="$folder.app/Contents/MacOS/nnlab"           # macOS: the app bundle
elif [ -x "$folder/nnlab.exe" ]; then
    program="$folder/nnlab.exe"                          # Windows (Git Bash)
elif [ -x "$folder/nnlab" ]; then
    program="$folder/nnlab"                              # Linux
else
    echo "smoke test: no nnlab program in $folder (build it: packaging/pyinstaller/build.sh)" >&2
    exit 1
fi
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"

work=$(mktemp -d)
trap 'rm -rf "$work" 2>/dev/null || true' EXIT
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export NNLAB_CACHE_DIR="$work/cache/nnlab"
unset PYTHONPATH PYTHONHOME NNLAB_TRACEBACK
cd "$work"

now() {  # seconds, with milliseconds where the shell can tell them (bash >= 5)
    if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s; fi
}
limited() {
    if command -v timeout >/dev/null; then timeout --kill-after=5 "$limit" "$@"; else "$@"; fi
}

checks=0
failed=()
started_all=$(now)

# check NAME TEST COMMAND...: run COMMAND (its output in $work/NAME.log, its settings in
# $work/NAME-config), then the shell function TEST, given the log and the settings folder,
# which says what is wrong (nothing: it passed). A check fails on an exit status other than
# 0, on a Python traceback in the output, or on TEST's word.
check() {
    local name=$1 test=$2
    shift 2
    local log="$work/$name.log" settings="$work/$name-config" started status=0 problem=""
    local seconds
    started=$(now)
    XDG_CONFIG_HOME="$settings" limited "$@" >"$log" 2>&1 || status=$?
    seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    checks=$((checks + 1))
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        problem="still running after $limit s: stopped"
    elif [ "$status" -ne 0 ]; then
        problem="exit status $status"
    elif grep -q "Traceback (most recent call last)" "$log"; then
        problem="a Python traceback in its output"
    else
        problem=$("$test" "$log" "$settings")
    fi
    if [ -z "$problem" ]; then
        printf 'PASS  %-14s %6s s  exit status %s\n' "$name" "$seconds" "$status"
    else
        printf 'FAIL  %-14s %6s s  %s\n' "$name" "$seconds" "$problem"
        tail -n 20 "$log" | sed 's/^/        | /'
        failed+=("$name")
    fi
}

# What each check expects of the output and of the files written.
version_printed() {
    grep -qE '^nnlab [0-9]+\.[0-9]+' "$1" || echo "no version printed"
}
bundle_complete() {  # the package data the program reads at run time
    local internal
    internal=$(dirname "$program")
    [ -d "$internal/_internal" ] && internal="$internal/_internal"
    [ -d "$internal/../Resources" ] && internal="$internal/../Resources"  # a macOS bundle
    for file in nnlab/gui/translations/nnlab_zh_CN.qm nnlab/gui/translations/nnlab_zh_TW.qm \
            "PySide6/*/qtbase_zh_CN.qm" nnlab/core/presets/neuron-2-2.toml \
            ziamath/fonts/STIXTwoMath-Regular.ttf latex2mathml/unimathsymbols.txt; do
        if ! find "$internal" -path "*/$file" | grep -q .; then
            echo "$file is missing from $internal"
            return
        fi
    done
}
presets_listed() {
    grep -q '^neuron-2-2 ' "$1" || echo "neuron-2-2 is not among the presets"
}
results_written() {
    for file in run/history.csv run/summary.json; do
        [ -s "$file" ] || { echo "$file was not written"; return; }
    done
    grep -q '"cross_entropy"' run/summary.json || echo "run/summary.json has no cross_entropy run"
}
figures_written() {
    [ -s export/dashboard.png ] || { echo "export/dashboard.png was not written"; return; }
    [ "$(head -c 4 export/dashboard.png | tail -c 3)" = "PNG" ] \
        || echo "export/dashboard.png is not a PNG image"
}
formulas_written() {
    [ -s formulas/formula-step1.png ] || echo "formulas/formula-step1.png was not written"
}
epochs_arrived() {
    grep -q "epochs of .* arrived" "$1" || echo "no epochs reported"
}
# The course window saves the lesson it shows when it closes (nnlab/nnlab.conf): it was
# built, and closed as its user closes it, not by a crash.
window_closed_at() {  # LESSON LOG SETTINGS
    grep -qx "lesson=$1" "$3/nnlab/nnlab.conf" 2>/dev/null \
        || echo "the window did not close at the lesson $1 (no lesson=$1 in its settings)"
}
window_closed_at_neuron() { window_closed_at neuron "$@"; }
window_closed_at_lab() { window_closed_at lab "$@"; }

check version       version_printed "$program" --version
check bundle        bundle_complete true  # nothing to run: only the files
check presets       presets_listed  "$program" presets
check run           results_written "$program" run --preset neuron-2-2 --out run
check export        figures_written "$program" export --preset neuron-2-2 --out export
# the derivation's formulas, typeset with ziamath's maths font and latex2mathml's tables
check formulas      formulas_written "$program" export --lesson derivation --out formulas
# The lab's training process is this program started again (multiprocessing's spawn):
# the frozen program must become the trainer, and its rows must arrive.
check training      epochs_arrived  "$program" self-check
# The window for a few seconds, at the one-neuron lesson and at the lab.
check window        window_closed_at_neuron env QT_QPA_PLATFORM=offscreen \
                                            "$program" --quit-after 3 --lesson neuron
check lab-window    window_closed_at_lab    env QT_QPA_PLATFORM=offscreen \
                                            "$program" --quit-after 3 lab --preset xor-2-8-2
# A real X server when there is one to start: the xcb platform plugin and the libraries it
# loads must be in the folder (or on the system) too.
if command -v xvfb-run >/dev/null; then
    check x11-window window_closed_at_neuron env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY \
                                             xvfb-run -a "$program" --quit-after 3 --lesson neuron
else
    echo "SKIP  x11-window     (no xvfb-run)"
fi

seconds=$(awk -v a="$started_all" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
if [ ${#failed[@]} -eq 0 ]; then
    echo "Smoke test of $folder: all $checks checks passed in $seconds s"
else
    echo "Smoke test of $folder: ${#failed[@]} of $checks checks failed" \
         "(${failed[*]}) in $seconds s"
    exit 1
fi
