(function () {
  "use strict";
  // Filters, matrix pages, arrow keys in the matrix, and links that reach hidden or closed parts.
  // Reads only ids and data- attributes the formatter wrote; never builds markup from text.
  var doc = document;
  var table = doc.getElementById("matrix-table");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var claims = Array.prototype.slice.call(doc.querySelectorAll("article.claim"));
  var form = doc.getElementById("filters");
  var only = doc.getElementById("only-contra");
  var one = doc.getElementById("one-claim");
  var pager = doc.getElementById("pager");
  var info = doc.getElementById("page-info");
  var count = doc.getElementById("shown-count");
  var perPage = (table && parseInt(table.getAttribute("data-page-rows"), 10)) || 50;
  var page = 0;

  function keep(el) {
    if (one.value !== "" && el.getAttribute("data-claim") !== one.value) return false;
    return !(only.checked && el.getAttribute("data-contra") !== "1");
  }

  function apply() {
    var shown = rows.filter(keep);
    var pages = Math.max(1, Math.ceil(shown.length / perPage));
    page = Math.max(0, Math.min(page, pages - 1));
    var first = page * perPage;
    rows.forEach(function (r) { r.hidden = true; });
    shown.slice(first, first + perPage).forEach(function (r) { r.hidden = false; });
    claims.forEach(function (a) { a.hidden = !keep(a); });
    pager.hidden = pages < 2;
    info.textContent = shown.length ? "claims " + (first + 1) + "–" + Math.min(first + perPage, shown.length) +
      " of " + shown.length : "";
    doc.getElementById("prev").disabled = page === 0;
    doc.getElementById("next").disabled = page >= pages - 1;
    count.textContent = shown.length === rows.length ? "" : shown.length + " of " + rows.length + " claims shown";
  }

  function reveal(id) {
    var target = id && doc.getElementById(id);
    if (!target) return;
    var hidden = target.closest("[hidden]");
    if (hidden && hidden !== form && hidden !== pager) {
      var row = target.closest("tr[data-claim]");
      only.checked = false;
      one.value = "";
      page = row ? Math.floor(rows.indexOf(row) / perPage) : page;
      apply();
    }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function fromHash() {
    reveal(decodeURIComponent(location.hash.slice(1)));
  }

  if (table) {
    form.hidden = false;
    only.addEventListener("change", function () { page = 0; apply(); });
    one.addEventListener("change", function () { page = 0; apply(); });
    doc.getElementById("prev").addEventListener("click", function () { page -= 1; apply(); });
    doc.getElementById("next").addEventListener("click", function () { page += 1; apply(); });
    table.addEventListener("keydown", function (ev) {
      var step = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[ev.key];
      var cell = ev.target.closest && ev.target.closest("td, th");
      if (!step || !cell) return;
      var visible = Array.prototype.slice.call(table.rows).filter(function (r) { return !r.hidden; });
      var next = visible[visible.indexOf(cell.parentElement) + step[0]];
      var col = cell.cellIndex + step[1];
      if (!next || col < 0 || col >= next.cells.length) return;
      var to = next.cells[col];
      (to.querySelector("a") || to).focus();
      ev.preventDefault();
    });
    apply();
  }
  window.addEventListener("hashchange", fromHash);
  doc.addEventListener("click", function (ev) {
    // A second click on the link already in the address bar fires no hashchange: reveal anyway.
    var link = ev.target.closest && ev.target.closest("a[href^='#']");
    if (link && link.getAttribute("href") === location.hash) reveal(location.hash.slice(1));
  });
  window.addEventListener("beforeprint", function () {
    rows.forEach(function (r) { r.hidden = false; });
    claims.forEach(function (a) { a.hidden = false; });
    Array.prototype.forEach.call(doc.querySelectorAll("details"), function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { if (table) apply(); });
  if (location.hash) fromHash();
})();
