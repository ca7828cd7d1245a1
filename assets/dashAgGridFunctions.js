// Cell formats for the grids, the same as layouts/format.py: 1.234.567, 87,4 %, Rp16.800.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

function cakupanNumber(lang, digits) {
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "id-ID",
    {minimumFractionDigits: digits, maximumFractionDigits: digits});
}
dagfuncs.cakupanAngka = function (v, lang) {
  return v == null ? "-" : cakupanNumber(lang, 0).format(v);
};
// `batas`: the borders a shown percent never reaches by rounding alone (definisi.BATAS_PERSEN,
// format.persen_tampil): 1.999 of 2.000 reads 99,9 %, never 100,0 %.
dagfuncs.cakupanPersen = function (v, lang, batas) {
  if (v == null) return "-";
  var p = v * 100, shown = Math.round(p * 10) / 10;
  var atas = (batas || []).filter(function (b) { return v < b / 100; })[0];  // as the bands compare
  if (atas !== undefined && shown >= atas) shown = Math.round(atas * 10 - 1) / 10;
  return cakupanNumber(lang, 1).format(shown) + " %";
};
dagfuncs.cakupanRupiah = function (v, lang) {
  return v == null ? "-" : "Rp" + cakupanNumber(lang, 0).format(v);
};
dagfuncs.cakupanLaju = function (v, lang) {  // the header says "per minggu"
  return v == null ? "-" : cakupanNumber(lang, 1).format(v);
};
dagfuncs.cakupanTanggal = function (v, lang) {
  if (v == null) return "-";
  var d = new Date(v + "T00:00:00");
  return new Intl.DateTimeFormat(lang === "en" ? "en-US" : "id-ID", {day: "numeric", month: "long", year: "numeric"}).format(d);
};
dagfuncs.cakupanYaTidak = function (v, lang) {
  if (v == null) return "-";
  return lang === "en" ? (v ? "Yes" : "No") : (v ? "Ya" : "Tidak");
};
