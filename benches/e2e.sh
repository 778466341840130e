#!/usr/bin/env bash
# End-to-end process timings (hyperfine) and peak RSS (/usr/bin/time -v) for
# docs/PERFORMANCE.md. Needs: apt-get install -y hyperfine time.
# Usage: benches/e2e.sh [OUTDIR]   (default: target/e2e)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/e2e}
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1795824000
cargo build --release --quiet --bin rituals --example gen-spec --example parse-only
bin=target/release/rituals
parse=target/release/examples/parse-only
for n in 1000 10000; do
  target/release/examples/gen-spec "$n" > "$out/n$n.yaml"
done
cp rituals.yaml "$out/seed.yaml"

rss() { # peak RSS in MiB of a command
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }'
}

report="$out/results.md"
echo "| case | median | peak RSS (MiB) |" > "$report"
echo "|---|---|---|" >> "$report"
run() { # name, runs, command line
  local name=$1 runs=$2 cmd=$3
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$out/$name.json" \
    --prepare "rm -rf $out/public-$name" "$cmd" > "$out/$name.txt"
  local median
  median=$(python3 -c "import json,sys; print('%.1f ms' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$out/$name.json")
  rm -rf "$out/public-$name"
  echo "| $name | $median | $(rss sh -c "$cmd") |" >> "$report"
}

for n in seed n1000 n10000; do
  runs=10; [ $n = n10000 ] && runs=5
  run "parse-$n" $runs "$parse $out/$n.yaml"
  run "build-$n" $runs "$bin build -f $out/$n.yaml -o $out/public-build-$n"
done
# A rebuild over the previous output: every event unchanged.
$bin build -f "$out/n10000.yaml" -o "$out/prev-n10000" > /dev/null
hyperfine --style basic --warmup 1 --runs 5 --export-json "$out/rebuild-n10000.json" \
  "$bin build -f $out/n10000.yaml -o $out/prev-n10000" > "$out/rebuild-n10000.txt"
echo "| rebuild-n10000 (unchanged) | $(python3 -c "import json,sys; print('%.1f ms' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$out/rebuild-n10000.json") | $(rss $bin build -f "$out/n10000.yaml" -o "$out/prev-n10000") |" >> "$report"
rm -rf "$out/prev-n10000"
run "agenda-json-n10000-1y" 3 "$bin agenda -f $out/n10000.yaml --from 2026-01-01 --to 2026-12-31 --format json > /dev/null"
run "agenda-json-n10000-4w" 5 "$bin agenda -f $out/n10000.yaml --from 2026-01-01 --to 2026-01-28 --format json > /dev/null"
# Organisation scale: 100 team files of 1,000 rituals in one `build -f DIR`
# (each team with its own calendar name and domain, so UIDs stay unique).
rm -rf "$out/teams"; mkdir -p "$out/teams"
for k in $(seq -w 1 100); do
  sed "s/scale.example.org/team$k.example.org/; s/^  name: Scale fixture/  name: Scale fixture $k/" \
    "$out/n1000.yaml" > "$out/teams/team$k.yaml"
done
run "build-100x1000" 3 "$bin build -f $out/teams -o $out/public-build-100x1000"
cat "$report"
