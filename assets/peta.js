/* The maps (layouts/peta.py) draw their own boundaries on a geo subplot with no base map. plotly.js
   still fetches a world map from its CDN for any geo subplot unless one is already in
   window.PlotlyGeoAssets: give it an empty one, so nothing leaves the network (an office may
   have no internet, and the page's policy allows no other host). */
window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};
window.PlotlyGeoAssets.topojson.world_110m = {
  type: "Topology",
  arcs: [],
  objects: Object.fromEntries(
    ["land", "ocean", "lakes", "rivers", "countries", "coastlines", "subunits"].map(
      (n) => [n, {type: "GeometryCollection", geometries: []}]
    )
  ),
};
