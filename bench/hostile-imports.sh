#!/usr/bin/env bash
# Runs `npm run import -- FILE --dry-run` on each hostile workbook in DIR (made by
# scripts/make-hostile-fixtures.ts) and prints exit code, wall time and peak RSS of the whole
# process tree (GNU time's maximum resident set size of the largest process) and CPU seconds
# (user + system, children included: steadier than wall time on a shared machine).
# Usage: bash bench/hostile-imports.sh DIR [TIMEOUT_SECONDS] [HEAP_MB]
# Each run is capped by `timeout` and, for the import process itself, --max-old-space-size.
set -u
dir=${1:?usage: bench/hostile-imports.sh DIR [TIMEOUT_SECONDS] [HEAP_MB]}
limit=${2:-120}
heap=${3:-4096}
db=$(mktemp -d)/hostile.sqlite
printf '| file | size | exit | wall (s) | CPU (s) | peak RSS (MB) | first line of the report |\n|---|---|---|---|---|---|---|\n'
for f in "$dir"/*.xlsx; do
  out=$(mktemp)
  /usr/bin/time -f '%e %M %U %S' -o "$out.time" timeout "$limit" node --max-old-space-size="$heap" \
    node_modules/tsx/dist/cli.mjs server/cli/import.ts "$f" --dry-run --db "$db" --lang en \
    >"$out" 2>"$out.err"
  code=$?
  # GNU time writes a note first when the command was killed; the figures are on the last line.
  read -r secs kb user sys < <(tail -n 1 "$out.time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  first=$( (grep -v '^Found\|^(' "$out"; cat "$out.err") | grep -v '^\s*$' | head -n 1 | cut -c1-140)
  printf '| %s | %s KB | %s | %s | %s | %s | %s |\n' "$(basename "$f")" \
    "$(( $(stat -c %s "$f") / 1024 ))" "$code" "$secs" "$cpu" "$(( kb / 1024 ))" "$first"
  rm -f "$out" "$out.err" "$out.time"
done
rm -rf "$(dirname "$db")"
