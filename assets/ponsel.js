/* A chart's phone layout: a figure may carry plotly relayout keys in layout.meta.ponsel
   (layouts/grafik.py: folded category names, room for the values); below 40em they are applied
   after the chart draws, and again after each redraw. A laptop draws the figure as it came. */
(function () {
  var PONSEL = window.matchMedia("(max-width: 40em)");

  function sesuaikan(gd) {
    var meta = gd.layout && gd.layout.meta;
    if (!PONSEL.matches || !meta || !meta.ponsel || meta.ponselDipakai || !window.Plotly) return;
    var ubah = Object.assign({}, meta.ponsel, {"meta.ponselDipakai": true});
    window.Plotly.relayout(gd, ubah);
  }

  function pasang(gd) {
    if (gd._cakupanPonsel) return;
    gd._cakupanPonsel = true;
    if (gd.on) gd.on("plotly_afterplot", function () { sesuaikan(gd); });
    sesuaikan(gd);
  }

  // Dash changes the page often: look for new charts only on a phone, once a frame at most.
  var dijadwalkan = false;
  new MutationObserver(function () {
    if (!PONSEL.matches || dijadwalkan) return;
    dijadwalkan = true;
    window.requestAnimationFrame(function () {
      dijadwalkan = false;
      document.querySelectorAll(".js-plotly-plot").forEach(pasang);
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
