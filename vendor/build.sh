#!/bin/sh
# Rebuilds the browser code served in place of Dash's (server/statis.py, docs/performance.md
# "First visit and views, issue 34") from the versions pinned in package.json and
# package-lock.json. Needs node and npm; run from anywhere:  sh vendor/build.sh
#
# plotly/plotly-cakupan.min.js: plotly/index.js bundled with plotly.js's own esbuild settings
#   (its esbuild-config.js: an iife named Plotly, regl and stream aliased, global as window).
#   Keep plotly.js's version the one the installed plotly Python package ships
#   (tests/test_vendor.py compares them).
# regenerator-runtime.min.js: the part of @babel/polyfill Dash's bundles still call
#   (regeneratorRuntime); Chromium and every current browser have the rest natively.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild plotly/index.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
    --define:global=window --define:define.amd=false \
    --alias:regl=@plotly/regl --alias:stream=stream-browserify \
    --loader:.css=empty --legal-comments=none --outfile=plotly/plotly-cakupan.min.js
versi=$(node -p "require('plotly.js/package.json').version")
# The licence header plotly.js's own bundles carry, then the bundle.
{ printf '/**\n* plotly.js v%s (Cakupan: core, bar, choropleth, scattergeo)\n* Copyright 2012-2026, Plotly, Inc.\n* All rights reserved.\n* Licensed under the MIT license\n*/\n' "$versi"; cat plotly/plotly-cakupan.min.js; } > plotly/tmp.js
mv plotly/tmp.js plotly/plotly-cakupan.min.js
cp node_modules/plotly.js/LICENSE plotly/LICENSE.plotly.js
echo "$versi" > plotly/VERSION
# A plain script (not bundled): it sets the global regeneratorRuntime as @babel/polyfill did.
{ printf '/* regenerator-runtime v%s, Copyright (c) 2014-present, Facebook, Inc. MIT licence: LICENSE.regenerator-runtime */\n' \
    "$(node -p "require('regenerator-runtime/package.json').version")"; npx esbuild node_modules/regenerator-runtime/runtime.js --minify --legal-comments=none; } > regenerator-runtime.min.js
cp node_modules/regenerator-runtime/LICENSE LICENSE.regenerator-runtime
ls -l plotly/plotly-cakupan.min.js regenerator-runtime.min.js
