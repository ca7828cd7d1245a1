#!/bin/sh
# Rebuilds plotly-cakupan.min.js from index.js with plotly.js's own esbuild settings (its
# esbuild-config.js: an iife named Plotly, regl and stream aliased, global as window) and the
# versions pinned in package.json and package-lock.json. Needs node and npm; run from anywhere:
#     sh vendor/plotly/build.sh
# Keep plotly.js's version the one the installed plotly Python package ships (Dash serves it
# otherwise; tests/test_plotly.py compares them).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild index.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
    --define:global=window --define:define.amd=false \
    --alias:regl=@plotly/regl --alias:stream=stream-browserify \
    --loader:.css=empty --legal-comments=none --outfile=plotly-cakupan.min.js
versi=$(node -p "require('plotly.js/package.json').version")
# The licence header plotly.js's own bundles carry, then the bundle.
{ printf '/**\n* plotly.js v%s (Cakupan: core, bar, choropleth, scattergeo)\n* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/\n' "$versi"; cat plotly-cakupan.min.js; } > plotly-cakupan.tmp
mv plotly-cakupan.tmp plotly-cakupan.min.js
cp node_modules/plotly.js/LICENSE LICENSE
echo "$versi" > VERSION
ls -l plotly-cakupan.min.js
