#!/usr/bin/env bash
# The targets of issue 15, measured as RATIOS in one run (the machine is
# shared: absolute figures drift with the load, ratios of commands run
# side by side much less).
#
# Needs hyperfine and GNU time (both Debian packages):
#   apt-get install -y hyperfine time
#
# Usage: benches/targets.sh [BEFORE_BINARY]
#   BEFORE_BINARY: a release `rituals` to compare with (default: the
#   pre-session build at /work/wt/base/target/release/rituals; build one with
#   `git worktree add ../base f632480 && (cd ../base && cargo build --release)`).
#   Without one, only the "after" column is measured.
# Env: SECTIONS (default "1 2 3 4 5") the targets to measure; ROUNDS (default 3) rounds of RUNS (default 3) runs each; commands of
#   one comparison alternate round by round; figures are medians of all
#   runs. OUT (default target/targets) holds inputs, JSON and results.md.
#
# Inputs, generated deterministically (tests/support/gen_spec.rs):
#   plain10k  10,000 weekly rituals, Europe/Paris, 2021-2027, 3 skips each
#   rich10k   the richer scale fixture (zones, people, rotations, holidays)
#   d1990 / d2020  300 daily rituals since 1990 / since 2020
#   seed      the repository's rituals.yaml
#   teams     100 files x 1,000 rituals (rich), one `build -f DIR`
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool: apt-get install -y hyperfine time python3" >&2; exit 2; }
done
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-3}
out=${OUT:-target/targets}
shm=/dev/shm/rituals-targets
mkdir -p "$out" "$shm"
cargo build --release --quiet --bin rituals --example gen-spec --example parse-only
# After the build: some dependency's build script watches this variable,
# and a changed value would rebuild the crate.
export SOURCE_DATE_EPOCH=1795824000
SECTIONS=${SECTIONS:-1 2 3 4 5}
want() { [[ " $SECTIONS " == *" $1 "* ]]; }
after=$PWD/target/release/rituals
before=${1:-/work/wt/base/target/release/rituals}
[ -x "$before" ] || { echo "no before binary at $before: measuring after only" >&2; before=; }
parse=$PWD/target/release/examples/parse-only
gen=target/release/examples/gen-spec

$gen plain 10000 > "$out/plain10k.yaml"
$gen 10000 > "$out/rich10k.yaml"
$gen daily 300 1990 > "$out/d1990.yaml"
$gen daily 300 2020 > "$out/d2020.yaml"
# The seed as of the "before" commit, which both binaries read (later
# seeds may use fields an older binary refuses).
git show "${SEED_REV:-f632480}:rituals.yaml" > "$out/seed.yaml" 2> /dev/null || cp rituals.yaml "$out/seed.yaml"
rm -rf "$out/teams"; mkdir -p "$out/teams"
$gen 1000 > "$out/n1000.yaml"
for k in $(seq -w 1 100); do
  sed "s/scale.example.org/team$k.example.org/; s/^  name: Scale fixture/  name: Scale fixture $k/" \
    "$out/n1000.yaml" > "$out/teams/team$k.yaml"
done

results="$out/results.md"
{
  echo "# issue 15 targets: $(date -u +%FT%TZ), $(nproc) cores"
  echo "after: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty'); before: ${before:-none}"
  echo
} > "$results"
load() { uptime | sed 's/.*load average: //'; }

# bench NAME CMD...: alternating rounds of hyperfine over the commands;
# prints one "median_ms" per command (in order) into $out/NAME.medians.
bench() {
  local name=$1; shift
  local prep="sh -c 'rm -rf $shm/o-* $out/o-*'"
  local r
  for r in $(seq 1 "$ROUNDS"); do
    # NO_SHELL=1: commands are run without a shell (`-N`), for figures of
    # a few milliseconds that the shell's own start would blur.
    hyperfine --style none --warmup 1 --runs "$RUNS" --prepare "$prep" \
      ${NO_SHELL:+-N} --export-json "$out/$name.$r.json" "$@" > /dev/null
  done
  python3 - "$out" "$name" "$ROUNDS" > "$out/$name.medians" <<'EOF'
import json, statistics, sys
out, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = None
for r in range(1, rounds + 1):
    res = json.load(open(f"{out}/{name}.{r}.json"))["results"]
    if times is None:
        times = [[] for _ in res]
    for i, c in enumerate(res):
        times[i].extend(c["times"])
for t in times:
    print("%.2f" % (statistics.median(t) * 1000))
EOF
  rm -rf "$shm"/o-* "$out"/o-*
}
# rss CMD: median peak RSS (MiB) of three runs of a shell command line.
rss() {
  local i v=()
  for i in 1 2 3; do
    rm -rf "$shm"/o-* "$out"/o-*
    v+=("$(/usr/bin/time -v sh -c "$1" 2>&1 >/dev/null | awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }')")
  done
  rm -rf "$shm"/o-* "$out"/o-*
  printf '%s\n' "${v[@]}" | sort -n | sed -n 2p
}
med() { sed -n "${2}p" "$out/$1.medians"; }
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
row() { echo "| $* |" >> "$results"; }

# Commands for a binary B: print to /dev/null, build to tmpfs / disk.
print_cmd() { echo "$1 print -f $2 > /dev/null"; }
shm_build() { echo "$1 build -f $2 -o $shm/o-$3"; }
disk_build() { echo "$1 build -f $2 -o $out/o-$3"; }
bins=("$after"); [ -n "$before" ] && bins=("$before" "$after")
col() { # which line of the medians holds binary index $1 after $2 fixed commands
  echo $(( $2 + $1 + 1 ))
}

if want 1; then
echo >> "$results"
echo "## 1. print of the 10,000-ritual fixture (target: <= 1.5x parse-only, <= 64 MiB)" >> "$results"
row "input | load | parse-only ms | binary | print ms | ratio to parse | peak RSS MiB"
row "---|---|---|---|---|---|---"
for f in plain10k rich10k; do
  cmds=("$parse $out/$f.yaml")
  for b in "${bins[@]}"; do cmds+=("$(print_cmd "$b" "$out/$f.yaml")"); done
  l=$(load); bench "print-$f" "${cmds[@]}"
  p=$(med "print-$f" 1)
  for i in "${!bins[@]}"; do
    m=$(med "print-$f" "$(col "$i" 1)")
    row "$f | $l | $p | ${bins[$i]} | $m | $(ratio "$m" "$p") | $(rss "$(print_cmd "${bins[$i]}" "$out/$f.yaml")")"
  done
done
fi
if want 2; then
echo >> "$results"
echo "## 2. build of the 10,000-ritual fixture (target on tmpfs: <= parse-only + 1.3x cp -r of its output, <= 64 MiB)" >> "$results"
row "input | load | parse ms | cp -r ms | binary | tmpfs build ms | (build - parse) / cp | disk build ms | peak RSS MiB"
row "---|---|---|---|---|---|---|---|---"
for f in plain10k rich10k; do
  $after build -f "$out/$f.yaml" -o "$shm/ref-$f" > /dev/null
  cmds=("$parse $out/$f.yaml" "cp -r $shm/ref-$f $shm/o-cp")
  for b in "${bins[@]}"; do cmds+=("$(shm_build "$b" "$out/$f.yaml" "$f")"); done
  for b in "${bins[@]}"; do cmds+=("$(disk_build "$b" "$out/$f.yaml" "$f")"); done
  l=$(load); bench "build-$f" "${cmds[@]}"
  rm -rf "$shm/ref-$f"
  p=$(med "build-$f" 1); c=$(med "build-$f" 2)
  for i in "${!bins[@]}"; do
    t=$(med "build-$f" "$(col "$i" 2)")
    d=$(med "build-$f" "$(col "$i" $((2 + ${#bins[@]})))")
    extra=$(python3 -c "import sys; print('%.2f' % ((float(sys.argv[1]) - float(sys.argv[2])) / float(sys.argv[3])))" "$t" "$p" "$c")
    row "$f | $l | $p | $c | ${bins[$i]} | $t | $extra | $d | $(rss "$(shm_build "${bins[$i]}" "$out/$f.yaml" "$f")")"
  done
done
fi
if want 3; then
echo >> "$results"
echo "## 3. history: 300 daily rituals since 1990 vs since 2020 (target: time and memory within 1.2x)" >> "$results"
row "command | load | binary | 1990 ms | 2020 ms | time ratio | 1990 MiB | 2020 MiB | memory ratio"
row "---|---|---|---|---|---|---|---|---"
for cmd in print build; do
  cmds=()
  for b in "${bins[@]}"; do
    for y in 1990 2020; do
      if [ $cmd = print ]; then cmds+=("$(print_cmd "$b" "$out/d$y.yaml")"); else cmds+=("$(shm_build "$b" "$out/d$y.yaml" "d$y")"); fi
    done
  done
  l=$(load); bench "history-$cmd" "${cmds[@]}"
  for i in "${!bins[@]}"; do
    a=$(med "history-$cmd" $((2 * i + 1))); z=$(med "history-$cmd" $((2 * i + 2)))
    if [ $cmd = print ]; then
      ra=$(rss "$(print_cmd "${bins[$i]}" "$out/d1990.yaml")"); rz=$(rss "$(print_cmd "${bins[$i]}" "$out/d2020.yaml")")
    else
      ra=$(rss "$(shm_build "${bins[$i]}" "$out/d1990.yaml" d1990)"); rz=$(rss "$(shm_build "${bins[$i]}" "$out/d2020.yaml" d2020)")
    fi
    row "$cmd | $l | ${bins[$i]} | $a | $z | $(ratio "$a" "$z") | $ra | $rz | $(ratio "$ra" "$rz")"
  done
done
fi
if want 4; then
echo >> "$results"
echo "## 4. seed (target: print and build within 2 ms of true)" >> "$results"
row "load | true ms | binary | print ms | print - true | tmpfs build ms | build - true | disk build ms"
row "---|---|---|---|---|---|---|---"
# Without a shell: `true` is then /usr/bin/true, a process like ours
# (hyperfine discards the commands' output).
cmds=("/usr/bin/true")
for b in "${bins[@]}"; do cmds+=("$b print -f $out/seed.yaml" "$(shm_build "$b" "$out/seed.yaml" seed)" "$(disk_build "$b" "$out/seed.yaml" seed)"); done
l=$(load); NO_SHELL=1 RUNS=$((RUNS * 10)) bench seed "${cmds[@]}"
t0=$(med seed 1)
for i in "${!bins[@]}"; do
  p=$(med seed $((2 + 3 * i))); s=$(med seed $((3 + 3 * i))); d=$(med seed $((4 + 3 * i)))
  row "$l | $t0 | ${bins[$i]} | $p | $(python3 -c "print('%.2f' % ($p - $t0))") | $s | $(python3 -c "print('%.2f' % ($s - $t0))") | $d"
done
fi
if want 5; then
echo >> "$results"
echo "## 5. 100 files x 1,000 rituals (target: <= 10x the 10,000-ritual build, <= 128 MiB)" >> "$results"
row "load | binary | 10,000 build ms (tmpfs) | 100 x 1,000 build ms (tmpfs) | ratio | peak RSS MiB"
row "---|---|---|---|---|---"
cmds=()
for b in "${bins[@]}"; do cmds+=("$(shm_build "$b" "$out/rich10k.yaml" rich)" "$(shm_build "$b" "$out/teams" teams)"); done
l=$(load); ROUNDS=1 RUNS=2 bench teams "${cmds[@]}"
for i in "${!bins[@]}"; do
  a=$(med teams $((2 * i + 1))); z=$(med teams $((2 * i + 2)))
  row "$l | ${bins[$i]} | $a | $z | $(ratio "$z" "$a") | $(rss "$(shm_build "${bins[$i]}" "$out/teams" teams)")"
done
fi
rm -rf "$shm"
cat "$results"
