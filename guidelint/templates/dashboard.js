"use strict";
(function () {
  var table = document.getElementById("guides");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var status = document.getElementById("filter-status");
  var shown = document.getElementById("shown");

  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var visible = filters.every(function (select) {
        return select.value === "*" || row.getAttribute("data-" + select.dataset.filter) === select.value;
      });
      row.hidden = !visible;
      if (visible) count += 1;
    });
    shown.textContent = String(count);
    cards.forEach(function (card) {
      card.setAttribute("aria-pressed", String(card.dataset.status === status.value));
    });
  }

  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (value === "") return null;
    return numeric ? Number(value) : value.toLowerCase();
  }

  var sortedBy = -1;
  var direction = 1;
  function sort(button) {
    var column = Number(button.dataset.col);
    var numeric = button.dataset.type === "number";
    direction = sortedBy === column ? -direction : 1;
    sortedBy = column;
    var keyed = rows.map(function (row, index) {
      return { row: row, key: key(row, column, numeric), index: index };
    });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;  // rows without a value stay last
      }
      if (a.key < b.key) return -direction;
      if (a.key > b.key) return direction;
      return a.index - b.index;
    });
    rows = keyed.map(function (item) { return item.row; });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th").forEach(function (th, index) {
      var state = index !== column ? "none" : direction > 0 ? "ascending" : "descending";
      th.setAttribute("aria-sort", state);
    });
  }

  filters.forEach(function (select) { select.addEventListener("change", apply); });
  cards.forEach(function (card) {
    card.addEventListener("click", function () {
      status.value = card.dataset.status;
      apply();
    });
  });
  table.querySelectorAll("th button").forEach(function (button) {
    button.addEventListener("click", function () { sort(button); });
  });
  document.getElementById("filters").addEventListener("reset", function (event) {
    event.preventDefault();
    filters.forEach(function (select) { select.value = "*"; });
    apply();
  });
  apply();
})();
