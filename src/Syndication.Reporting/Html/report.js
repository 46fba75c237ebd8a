(function () {
  'use strict';
  // Filters, sort and search read data already in the DOM (data-* attributes, text); nothing is parsed as markup.
  // The view lives in the address's #fragment (partner=…&verdict=…&sort=…), so a link opens the same view.
  var main = document.getElementById('pages');
  var pages = Array.prototype.slice.call(main.querySelectorAll('article.page'));
  var texts = pages.map(function (page) { return page.textContent.toLowerCase(); });
  var filters = document.getElementById('filters');
  var verdicts = Array.prototype.slice.call(filters.querySelectorAll('input[name="verdict"]'));
  var partner = document.getElementById('f-partner');
  var requirement = document.getElementById('f-requirement');
  var outcome = document.getElementById('f-outcome');
  var change = document.getElementById('f-change');
  var sort = document.getElementById('f-sort');
  var search = document.getElementById('f-search');
  var count = document.getElementById('f-count');
  var view = document.getElementById('f-view');
  var selects = { partner: partner, requirement: requirement, outcome: outcome, change: change };
  var triage = ['new-violation', 'persisting-violation', 'violation', 'needs-review', 'error', 'waived', 'fixed', 'compliant', 'not-applicable'];
  var changes = ['new', 'persisting', 'fixed'];
  var sorted = 'triage';

  function hasOutcome(list, id, status) {
    if (!id && !status) { return true; }
    return list.split(' ').some(function (item) {
      var at = item.lastIndexOf(':');
      return (!id || item.slice(0, at) === id) && (!status || item.slice(at + 1) === status);
    });
  }

  function hasChange(page, wanted) {
    if (!wanted) { return true; }
    var actual = page.dataset.change || '';
    return wanted === 'unchanged' ? changes.indexOf(actual) < 0 : actual === wanted;
  }

  function rank(list, value) {
    var at = list.indexOf(value);
    return at < 0 ? list.length : at;
  }

  function key(page) {
    var number = Number(page.dataset.list);
    if (sort.value === 'list') { return [number]; }
    if (sort.value === 'change') { return [rank(changes, page.dataset.change), rank(triage, page.dataset.triage), number]; }
    return [rank(triage, page.dataset.triage), number];
  }

  function reorder() {
    if (sort.value === sorted) { return; }
    sorted = sort.value;
    var keyed = pages.map(function (page) { return { page: page, key: key(page) }; });
    keyed.sort(function (a, b) {
      for (var i = 0; i < a.key.length; i += 1) {
        if (a.key[i] !== b.key[i]) { return a.key[i] - b.key[i]; }
      }
      return 0;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.page); });
    main.appendChild(fragment);
  }

  // The view as the #fragment: only what differs from the default view, so the plain address shows everything.
  function toFragment() {
    var parts = [];
    var off = verdicts.filter(function (box) { return !box.checked; });
    if (off.length > 0) {
      parts.push('verdict=' + verdicts.filter(function (box) { return box.checked; })
        .map(function (box) { return encodeURIComponent(box.value); }).join(','));
    }
    Object.keys(selects).forEach(function (name) {
      var select = selects[name];
      if (select && select.value) { parts.push(name + '=' + encodeURIComponent(select.value)); }
    });
    if (search.value.trim()) { parts.push('q=' + encodeURIComponent(search.value.trim())); }
    if (sort.value !== 'triage') { parts.push('sort=' + encodeURIComponent(sort.value)); }
    return parts.join('&');
  }

  function fromFragment() {
    var wanted = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at <= 0) { return; }
      try {
        wanted[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1).replace(/\+/g, ' '));
      } catch (e) {
        // A mangled escape in a hand-edited link: that filter is left as it is.
      }
    });
    var on = wanted.verdict === undefined ? null : wanted.verdict.split(',');
    verdicts.forEach(function (box) { box.checked = on === null || on.indexOf(box.value) >= 0; });
    Object.keys(selects).forEach(function (name) { choose(selects[name], wanted[name]); });
    choose(sort, wanted.sort || 'triage');
    search.value = wanted.q || '';
  }

  // Only a value the list offers is chosen: an unknown partner in a link shows every partner, not nothing.
  function choose(select, value) {
    if (!select) { return; }
    var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    select.value = known ? value : select.options[0].value;
  }

  function describe(shown) {
    var parts = [];
    if (partner && partner.value) { parts.push('Partner: ' + partner.value); }
    var on = verdicts.filter(function (box) { return box.checked; });
    if (on.length < verdicts.length) {
      parts.push('Verdict: ' + on.map(function (box) { return box.parentNode.textContent.replace(/\s*\(\d+\)\s*$/, '').trim(); }).join(', '));
    }
    if (requirement.value || outcome.value) { parts.push('Requirement: ' + (requirement.value || 'any') + ' ' + (outcome.value || '')); }
    if (change.value) { parts.push('Change: ' + change.value); }
    if (search.value.trim()) { parts.push('Search: "' + search.value.trim() + '"'); }
    parts.push(shown + ' of ' + pages.length + ' pages');
    return parts.join(' · ');
  }

  function apply() {
    reorder();
    var on = {};
    verdicts.forEach(function (box) { on[box.value] = box.checked; });
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    pages.forEach(function (page, i) {
      var visible = on[page.dataset.verdict] !== false
        && (!partner || !partner.value || page.dataset.partner === partner.value)
        && hasOutcome(page.dataset.outcomes || '', requirement.value, outcome.value)
        && hasChange(page, change.value)
        && (!query || texts[i].indexOf(query) >= 0);
      page.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = 'Showing ' + shown + ' of ' + pages.length + ' pages';
    view.textContent = describe(shown);
    document.body.classList.toggle('one-partner', Boolean(partner && partner.value));
  }

  function remember() {
    var fragment = toFragment();
    var address = location.href.replace(/#.*$/, '') + (fragment ? '#' + fragment : '');
    if (address === location.href) { return; }
    try {
      history.replaceState(null, '', address);
    } catch (e) {
      location.replace(fragment ? '#' + fragment : '#');
    }
  }

  function changed() {
    apply();
    remember();
  }

  document.getElementById('f-reset').addEventListener('click', function () {
    verdicts.forEach(function (box) { box.checked = true; });
    [partner, requirement, outcome, change].forEach(function (select) { if (select) { select.value = ''; } });
    sort.value = 'triage';
    search.value = '';
    changed();
  });
  filters.addEventListener('change', changed);
  search.addEventListener('input', changed);
  // A link to a view (a partner's row, a shared address) changes the fragment: show that view.
  window.addEventListener('hashchange', function () {
    fromFragment();
    apply();
  });
  filters.hidden = false;
  view.hidden = false;
  fromFragment();
  apply();
}());
