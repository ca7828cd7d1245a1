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
for page in "/:ringkasan"; do
  path=${page%%:*}; name=${page##*:}
  for size in 1280x720 1920x1080; do
    scripts/screenshot.sh "http://127.0.0.1:$port$path" "screenshots/$name-$size.png" "$size"
  done
done
