#!/usr/bin/env bash
# `make test` as a new contributor or CI runs it: a fresh clone of the committed HEAD, a fresh
# HOME (no ~/.config, ~/.cache or pip cache), twice in a row, then once more with a CPU hog
# busy on one core. Prints each run's closing pytest line and duration; exit 1 if any failed.
#
#   tools/test_fresh.sh            # the three runs (about 80 minutes on two cores)
#   FRESH_RUNS=1 FRESH_HOG=0 tools/test_fresh.sh   # one quiet run
#
# Logs and clones stay in the folder it prints, for a look at what failed.
set -uo pipefail

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
runs=${FRESH_RUNS:-2}
hog=${FRESH_HOG:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-fresh.XXXXXX")
hog_pid=""
trap '[ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null' EXIT

echo "fresh runs of $(git -C "$repo" rev-parse --short HEAD) in $work"
failed=0
run() {
    local name=$1
    local clone=$work/$name home=$work/$name-home
    mkdir -p "$home"
    git clone -q "$repo" "$clone"
    local start=$SECONDS
    (cd "$clone" && env -u KIOSK_CONFIG HOME="$home" make test) >"$work/$name.log" 2>&1
    local rc=$?
    local summary
    summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed)|(passed|failed).* in [0-9.]+s' "$work/$name.log" | tail -n 1)
    printf '%-8s exit %s  %4ss  %s\n' "$name" "$rc" "$((SECONDS - start))" "${summary:-(no pytest summary; see $work/$name.log)}"
    [ "$rc" = 0 ] || failed=1
}

for i in $(seq 1 "$runs"); do
    run "quiet-$i"
done
if [ "$hog" = 1 ]; then
    # One core kept busy for the whole run, as when the terminal's other work or a second
    # build shares the machine.
    python3 -c 'while True: pass' &
    hog_pid=$!
    run "hog"
fi
exit "$failed"
