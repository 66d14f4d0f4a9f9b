#!/bin/sh
# Removes from a production node_modules what the built API never loads (used by the Dockerfile's
# runtime-deps stage): compilers that come along with @nestjs/swagger and typeorm, the embedded
# database (a Docker deployment always has DATABASE_URL), the poster font's unused weights, and
# source maps, type declarations and markdown of every package.
#   deploy/prune-runtime-deps.sh <node_modules>
set -eu
dir="${1:?usage: prune-runtime-deps.sh <node_modules>}"
[ -d "$dir" ] || { echo "no such directory: $dir" >&2; exit 1; }

rm -rf "$dir/typescript" "$dir/ts-node" "$dir/@swc/core" "$dir"/@swc/core-* "$dir/@electric-sql"

# apps/api/src/gates/poster/poster-fonts.ts uses the Regular and Bold weights only.
fonts="$dir/@embedpdf/fonts-sc/fonts"
if [ -d "$fonts" ]; then
  find "$fonts" -type f ! -name 'NotoSansHans-Regular.otf' ! -name 'NotoSansHans-Bold.otf' -delete
fi

find "$dir" -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \
  -o -name '*.md' -o -name '*.markdown' -o -name '*.tsbuildinfo' \) -delete
