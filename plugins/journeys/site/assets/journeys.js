// Printed sheets say where the page is (class "jr-page-address"): its address, as opened.
(function () {
  function fill() {
    document.querySelectorAll(".jr-page-address").forEach(function (element) {
      element.textContent = location.href.split("#")[0];
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(fill);
  } else {
    document.addEventListener("DOMContentLoaded", fill);
  }
})();

// Sortable tables (class "jr-sortable"): select a column heading to sort by it.
// Runs on every page load, including mkdocs-material's instant navigation.
(function () {
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-value") || cell.textContent.trim();
    return numeric ? parseFloat(raw) : raw.toLowerCase();
  }

  function sortBy(table, header, index) {
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance() {
    document.querySelectorAll("table.jr-sortable:not([data-sortable])").forEach(function (table) {
      table.setAttribute("data-sortable", "");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "jr-sort";
        while (header.firstChild) button.appendChild(header.firstChild);
        header.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, header, index); });
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);  // mkdocs-material: every page, also with instant loading
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();

// --- journey page (issue 18) ---
// The evidence sections below the journey map (<details class="jr-fold" open>) start folded
// on a phone, so the findings and the map come first; without this script they stay open.
// A link to something inside a folded section ("N more" too) opens it.
(function () {
  var PHONE = "(max-width: 44.9375em)";

  function openStage(stage, open) {
    stage.toggleAttribute("data-open", open);
    stage.querySelector(".jr-stage-more").setAttribute("aria-expanded", String(open));
  }

  function openAround(target) {
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
      if (node.hasAttribute("data-folded")) openStage(node, true);
    }
  }

  function fold() {
    if (window.matchMedia(PHONE).matches) {
      document.querySelectorAll("details.jr-fold[open]").forEach(function (details) {
        details.open = false;
      });
    }
    // Each stage's button shows only on a phone (CSS); on wider screens the lanes all show.
    document.querySelectorAll(".jr-map .jr-stage:has(> .jr-stage-more)").forEach(function (stage) {
      stage.setAttribute("data-folded", "");
      stage.querySelector(".jr-stage-more").addEventListener("click", function () {
        openStage(stage, !stage.hasAttribute("data-open"));
      });
    });
    if (location.hash) openAround(document.getElementById(decodeURIComponent(location.hash.slice(1))));
  }

  window.addEventListener("hashchange", function () {
    openAround(document.getElementById(decodeURIComponent(location.hash.slice(1))));
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(fold);
  } else {
    document.addEventListener("DOMContentLoaded", fold);
  }
})();

// --- round filter of the expectations table (issue 20) ---
// A journey with rounds has a round column, and this filter (hidden until the script runs):
// choosing a round shows only its rows, opens the rows folded behind "N more rows" and says
// how many rows show. Without the script the round column is still there to read.
(function () {
  function filterRows(select, status) {
    var rows = document.getElementById(select.getAttribute("data-rows"));
    var round = select.value;
    var shown = 0;
    rows.querySelectorAll("tr[data-round]").forEach(function (row) {
      row.hidden = Boolean(round) && row.getAttribute("data-round") !== round;
      if (!row.hidden) shown += 1;
    });
    if (round) rows.querySelectorAll("details.jr-more--rows").forEach(function (details) {
      details.open = true;
    });
    // A table with none of the round's rows is left out, header and all ("N more rows" too).
    rows.querySelectorAll(".jr-scroll, details.jr-more--rows").forEach(function (part) {
      part.hidden = Boolean(round) && !part.querySelector("tr[data-round]:not([hidden])");
    });
    var words = select.getAttribute(shown === 1 ? "data-status-one" : "data-status");
    status.textContent = round ? words.replace("{n}", String(shown)) : "";
  }

  function enhance() {
    document.querySelectorAll(".jr-round-filter[hidden]").forEach(function (filter) {
      var select = filter.querySelector("select");
      var status = filter.querySelector(".jr-round-filter-status");
      filter.hidden = false;
      select.addEventListener("change", function () { filterRows(select, status); });
      if (select.value) filterRows(select, status);  // a choice the browser kept on going back
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
