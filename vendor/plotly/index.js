// plotly.js with the traces Cakupan's pages draw and no others (vendor/build.sh bundles this file).
// scatter comes with the core; bar: the trends and breakdowns (layouts/grafik.py); choropleth and
// scattergeo: the boundary map and its labels (layouts/peta.py). A page drawing another trace
// type must add it here, or plotly.js draws nothing for it (tests/test_vendor.py checks the list).
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth'), require('plotly.js/lib/scattergeo')]);

module.exports = Plotly;
