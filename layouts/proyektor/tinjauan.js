// Tinjauan Mingguan: one slide at a time, scaled to the screen. Arrows, space, Page Up/Down,
// Home/End and a click move; A starts or stops auto-advance; F goes full screen.
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  var counter = document.getElementById('penghitung');
  var i = 0, timer = null;
  var seconds = parseInt(document.body.getAttribute('data-otomatis'), 10) || 0;
  // A phone held upright: a slide is a page 800 px wide zoomed to the screen's width (30 px type
  // reads as about 15 px on 390 px), one under the other in the slide's order, read by scrolling
  // down, its charts redrawn to that width (tinjauan.css: html.ponsel). Else the 16:9 canvas.
  var PONSEL = window.matchMedia('screen and (max-width: 47.99em)'), LEBAR_PONSEL = 800;
  function fit() {
    var ponsel = PONSEL.matches;
    document.documentElement.classList.toggle('ponsel', ponsel);
    var s = ponsel ? window.innerWidth / LEBAR_PONSEL : Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
    document.documentElement.style.setProperty('--skala', s);
    if (ponsel && window.Plotly) {
      document.querySelectorAll('.slide .js-plotly-plot').forEach(function (gd) {
        if (!gd._lebarPonsel) { gd._lebarPonsel = true; window.Plotly.relayout(gd, {width: LEBAR_PONSEL - 64}); }
      });
    }
  }
  function show(n) {
    i = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, k) { s.classList.toggle('aktif', k === i); });
    counter.textContent = (i + 1) + ' / ' + slides.length;
    if (PONSEL.matches) { window.scrollTo(0, 0); }  // the next slide from its title
    if (location.protocol !== 'file:') { history.replaceState(null, '', '#' + (i + 1)); }
  }
  function auto(on) {
    if (timer) { clearInterval(timer); timer = null; }
    if (on) { timer = setInterval(function () { show(i + 1 < slides.length ? i + 1 : 0); }, (seconds || 15) * 1000); }
    document.body.classList.toggle('otomatis', !!timer);
  }
  document.addEventListener('keydown', function (e) {
    var k = e.key;
    if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ' || k === 'Enter') { show(i + 1); }
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp' || k === 'Backspace') { show(i - 1); }
    else if (k === 'Home') { show(0); }
    else if (k === 'End') { show(slides.length - 1); }
    else if (k === 'a' || k === 'A') { auto(!timer); return; }
    else if ((k === 'f' || k === 'F') && document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); return; }
    else { return; }
    e.preventDefault();
  });
  document.addEventListener('click', function () { show(i + 1); });
  window.addEventListener('resize', fit);
  fit();
  show((parseInt(location.hash.slice(1), 10) || 1) - 1);
  if (seconds > 0) { auto(true); }
})();
