#!/usr/bin/env bash
# Screenshots of every page at projector (1280x720) and full-HD (1920x1080) size, into screenshots/.
# Starts the app on the demo warehouse on a spare port, shoots, stops it.
set -eu
cd "$(dirname "$0")/.."
port=${PORT:-8077}
mkdir -p screenshots
.venv/bin/python app.py --port "$port" >/tmp/cakupan-screenshots.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
for page in "/:ringkasan" "/?wilayah=31.75:ringkasan-jaktim" "/wilayah?wilayah=31:wilayah" "/wilayah?wilayah=31.75.02.1001:wilayah-rw" \
            "/rw100?wilayah=31.75.02:rw100" "/segmen:segmen" "/anggaran?wilayah=36:anggaran" "/data:data" \
            "/?bahasa=en&wilayah=36:ringkasan-en"; do
  path=${page%:*}; name=${page##*:}
  for size in 1280x720 1920x1080; do
    scripts/screenshot.sh "http://127.0.0.1:$port$path" "screenshots/$name-$size.png" "$size"
  done
done
