(function () {
  'use strict';
  // Filters and search read data already in the DOM (data-* attributes, text); nothing is parsed as markup.
  var pages = Array.prototype.slice.call(document.querySelectorAll('article.page'));
  var texts = pages.map(function (page) { return page.textContent.toLowerCase(); });
  var filters = document.getElementById('filters');
  var verdicts = Array.prototype.slice.call(filters.querySelectorAll('input[name="verdict"]'));
  var partner = document.getElementById('f-partner');
  var requirement = document.getElementById('f-requirement');
  var outcome = document.getElementById('f-outcome');
  var search = document.getElementById('f-search');
  var count = document.getElementById('f-count');

  function hasOutcome(list, id, status) {
    if (!id && !status) { return true; }
    return list.split(' ').some(function (item) {
      var at = item.lastIndexOf(':');
      return (!id || item.slice(0, at) === id) && (!status || item.slice(at + 1) === status);
    });
  }

  function apply() {
    var on = {};
    verdicts.forEach(function (box) { on[box.value] = box.checked; });
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    pages.forEach(function (page, i) {
      var visible = on[page.dataset.verdict] !== false
        && (!partner || !partner.value || page.dataset.partner === partner.value)
        && hasOutcome(page.dataset.outcomes || '', requirement.value, outcome.value)
        && (!query || texts[i].indexOf(query) >= 0);
      page.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = 'Showing ' + shown + ' of ' + pages.length + ' pages';
  }

  document.getElementById('f-reset').addEventListener('click', function () {
    verdicts.forEach(function (box) { box.checked = true; });
    [partner, requirement, outcome].forEach(function (select) { if (select) { select.value = ''; } });
    search.value = '';
    apply();
  });
  filters.addEventListener('change', apply);
  search.addEventListener('input', apply);
  filters.hidden = false;
  apply();
}());
