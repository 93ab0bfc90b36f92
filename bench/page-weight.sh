#!/bin/sh
# Page weight of the installer UI: every asset the page loads (all served by the agent), raw and
# gzip -9 compressed, file by file and in total. No network: it reads the webroot in the source tree.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)/web-ui/src/main/resources/webroot
total_raw=0
total_gz=0
printf '%-14s %9s %9s\n' file raw gzip
for file in "$root"/*; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-14s %9d %9d\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-14s %9d %9d\n' total "$total_raw" "$total_gz"
limit=$((150 * 1024))
if [ "$total_gz" -gt "$limit" ]; then
  echo "over the 150 KB compressed budget" >&2
  exit 1
fi
