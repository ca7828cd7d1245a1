#!/usr/bin/env bash
# Screenshot a page with headless Debian chromium: scripts/screenshot.sh URL OUT.png [WIDTHxHEIGHT]
set -eu
url=$1; out=$2; size=${3:-1280x720}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="${size/x/,}" \
  --virtual-time-budget=8000 --screenshot="$out" "$url" >/dev/null 2>&1
echo "$out"
