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
