/* A changed control of the state bar (layouts/kerangka.py) becomes the page's new link here, in the
   browser, so the only request is Dash Pages' own layout call (issue 32, item 3). The page gives
   what it was drawn from in the store "navigasi-keadaan" (layouts/keadaan.Keadaan.navigasi):
   {path, kunci: the keys in link order, query: the query as read, digambar: each control's value
   as drawn, terbaru: the newest snapshot}. The callback writes the link to the "navigasi"
   location (refresh="callback-nav"), which pushes it and tells Dash Pages.

   The rules, as the server's were: a control whose value is the one the page drew it with changes
   nothing (a page drawn anew fires this with its controls as drawn, and its link must stay as it
   was, notice and all); a real change opens the view as read with that change; the defaults
   (Indonesian, the newest snapshot when the link named none) stay out of the link; a value that is
   neither a text nor empty is ignored; keys follow `kunci`, encoded as a form (Python's urlencode:
   a space is '+'). */
window.dash_clientside = Object.assign({}, window.dash_clientside);

/* The new link for the controls [{nama, nilai}] of a page drawn from `keadaan`, or null: nothing changed. */
function cakupanTautanKendali(kendali, keadaan) {
  if (!keadaan || !Array.isArray(kendali)) return null;
  const q = Object.assign({}, keadaan.query);
  let berubah = false;
  for (const {nama, nilai} of kendali) {
    if (!keadaan.kunci.includes(nama)) continue;
    if (nilai !== null && nilai !== undefined && typeof nilai !== "string") continue;
    const v = nilai === undefined || nilai === "" ? null : nilai;
    const digambar = keadaan.digambar[nama] === undefined ? null : keadaan.digambar[nama];
    if (v === digambar) continue;
    berubah = true;
    const baku =
      (nama === "bahasa" && v === "id") ||
      (nama === "snapshot" && !("snapshot" in keadaan.query) && v === keadaan.terbaru);
    q[nama] = baku ? null : v;
  }
  if (!berubah) return null;
  const bagian = keadaan.kunci
    .filter((k) => q[k] !== null && q[k] !== undefined && q[k] !== "")
    .map((k) => `${_cakupanForm(k)}=${_cakupanForm(q[k])}`);
  return keadaan.path + (bagian.length ? "?" + bagian.join("&") : "");
}

/* Form encoding as Python's urllib.parse.quote_plus: only letters, digits and _.-~ kept, a space '+'. */
function _cakupanForm(teks) {
  return encodeURIComponent(String(teks))
    .replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

window.dash_clientside.cakupan = Object.assign({}, window.dash_clientside.cakupan, {
  kendali: function (nilai, keadaan) {
    const konteks = window.dash_clientside.callback_context;
    const daftar = (konteks.inputs_list && konteks.inputs_list[0]) || [];
    const kendali = daftar.map((x, i) => ({nama: x.id && x.id.nama, nilai: nilai[i]}));
    return cakupanTautanKendali(kendali, keadaan) || window.dash_clientside.no_update;
  },
});

if (typeof module !== "undefined") module.exports = {cakupanTautanKendali}; // tests/test_navigasi.py, in node
