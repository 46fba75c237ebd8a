(function () {
  'use strict';
  // Filters, sort and search read an index of every page (#page-index: verdict, partner, outcomes, change, triage rank)
  // and the pages' own text; nothing is parsed as markup. The first pages are in the DOM; the rest are folded into
  // gzipped chunks (script.page-chunk) of element trees, built when they come into view; a search reads their text.
  // The view lives in the address's #fragment (partner=…&verdict=…&sort=…), so a link opens the same view.
  var main = document.getElementById('pages');
  var index = JSON.parse(document.getElementById('page-index').textContent);
  // The folded chunks follow the script in the file: a live list, complete once the document is read.
  var chunks = document.getElementsByClassName('page-chunk');
  var texts = document.getElementsByClassName('page-text');
  var folds = index['static'] < index.pages.length;
  var folded = document.getElementById('folded');
  var written = main.querySelectorAll('article.page');
  var entries = index.pages.map(function (p, at) {
    return {
      at: at, list: p[0], verdict: index.verdicts[p[1]], partner: p[2] < 0 ? null : index.partners[p[2]],
      outcomes: index.outcomes[p[3]], change: index.changes[p[4]], triage: index.triage[p[5]],
      element: at < index['static'] ? written[at] : null, text: null
    };
  });
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
  // A view of up to `eager` pages is shown whole (and prints whole); a longer one `step` pages at a time, more as you scroll.
  var EAGER = index.eager;
  var STEP = index.step;
  var shown = [];
  var limit = 0;
  var placed = entries.filter(function (entry) { return entry.element; });
  var generation = 0;
  var busy = false;
  var near = false;
  var unfolded = new Map();
  var unfoldedTexts = new Map();
  var more = document.createElement('p');
  var moreButton = document.createElement('button');
  var moreText = document.createElement('span');

  function hasOutcome(list, id, status) {
    if (!id && !status) { return true; }
    return list.split(' ').some(function (item) {
      var at = item.lastIndexOf(':');
      return (!id || item.slice(0, at) === id) && (!status || item.slice(at + 1) === status);
    });
  }

  function hasChange(actual, wanted) {
    if (!wanted) { return true; }
    return wanted === 'unchanged' ? changes.indexOf(actual) < 0 : actual === wanted;
  }

  function rank(list, value) {
    var at = list.indexOf(value);
    return at < 0 ? list.length : at;
  }

  // The file holds the pages in triage order, so that sort is the index's own order.
  function ordered(list) {
    if (sort.value === 'list') {
      return list.sort(function (a, b) { return a.list - b.list; });
    }
    if (sort.value === 'change') {
      var keyed = list.map(function (entry) { return { entry: entry, key: rank(changes, entry.change) }; });
      keyed.sort(function (a, b) { return a.key - b.key || a.entry.at - b.entry.at; });
      return keyed.map(function (item) { return item.entry; });
    }
    return list;
  }

  // A folded page's chunk and its place in it.
  function chunkOf(entry) { return Math.floor((entry.at - index['static']) / index.chunk); }
  function offsetOf(entry) { return (entry.at - index['static']) % index.chunk; }

  // A chunk's sections as trees (blocks: chunks) or its pages' searchable texts (blocks: texts); the last few are kept.
  function unfold(k, blocks, cache) {
    var known = cache.get(k);
    if (known) {
      cache.delete(k);
      cache.set(k, known);
      return known;
    }
    var promise = read().then(function () {
      var raw = atob(blocks[k].textContent);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    }).then(JSON.parse);
    cache.set(k, promise);
    if (cache.size > 32) { cache.delete(cache.keys().next().value); }
    return promise;
  }

  // Resolves once the whole file is read (at once but for a large file still loading).
  function read() {
    if (document.readyState !== 'loading') { return Promise.resolve(); }
    return new Promise(function (done) { document.addEventListener('DOMContentLoaded', done); });
  }

  // What the search matches in a page shown: the same parts the report keeps as a folded page's text.
  function textOf(entry) {
    if (entry.text === null) {
      entry.text = Array.prototype.map.call(entry.element.querySelectorAll(index.searchable), function (part) {
        return part.textContent;
      }).join(' ').toLowerCase();
    }
    return entry.text;
  }

  // A folded section from its tree: [name, {attribute: value}, child...] for an element, a string for a text.
  function build(tree) {
    if (typeof tree === 'string') { return document.createTextNode(tree); }
    var element = document.createElement(tree[0]);
    Object.keys(tree[1]).forEach(function (name) { element.setAttribute(name, tree[1][name]); });
    for (var i = 2; i < tree.length; i += 1) { element.appendChild(build(tree[i])); }
    return element;
  }

  // Shows the first `limit` pages of the view in order, unfolding the chunks they are in; hides the rest.
  function place() {
    var wanted = shown.slice(0, limit);
    var missing = [];
    wanted.forEach(function (entry) {
      if (!entry.element && missing.indexOf(chunkOf(entry)) < 0) { missing.push(chunkOf(entry)); }
    });
    if (missing.length === 0) {
      put(wanted);
      return;
    }
    var at = generation;
    busy = true;
    main.setAttribute('aria-busy', 'true');
    more.hidden = false;
    moreText.textContent = 'Unfolding…';
    Promise.all(missing.map(function (k) { return unfold(k, chunks, unfolded); })).then(function (loaded) {
      if (at !== generation) { return; }
      wanted.forEach(function (entry) {
        if (!entry.element) { entry.element = build(loaded[missing.indexOf(chunkOf(entry))][offsetOf(entry)]); }
      });
      put(wanted);
    }, failed);
  }

  function put(wanted) {
    placed.forEach(function (entry) { entry.element.hidden = true; });
    var fragment = document.createDocumentFragment();
    wanted.forEach(function (entry) {
      entry.element.hidden = false;
      fragment.appendChild(entry.element);
    });
    main.appendChild(fragment);
    placed = wanted;
    busy = false;
    main.setAttribute('aria-busy', 'false');
    more.hidden = limit >= shown.length;
    moreText.textContent = ' ' + limit + ' of ' + shown.length + ' shown; more as you scroll.';
    // Still at the end of what is shown (a tall window, a quick scroll): the next pages follow.
    if (near && !more.hidden) { setTimeout(showMore, 0); }
  }

  function failed(error) {
    busy = false;
    main.setAttribute('aria-busy', 'false');
    more.hidden = false;
    moreText.textContent = 'The folded pages could not be unfolded in this browser (' + error + '): read them in the JSON report.';
  }

  // The view's pages whose text has the query; folded pages are matched on the text kept with them, chunk by chunk.
  function matching(list, query, at) {
    var found = new Set();
    var waiting = {};
    list.forEach(function (entry) {
      if (entry.element) {
        if (textOf(entry).indexOf(query) >= 0) { found.add(entry); }
      } else {
        (waiting[chunkOf(entry)] = waiting[chunkOf(entry)] || []).push(entry);
      }
    });
    var keys = Object.keys(waiting);
    var step = function (i) {
      if (at !== generation) { return Promise.resolve(null); }
      if (i >= keys.length) { return Promise.resolve(list.filter(function (entry) { return found.has(entry); })); }
      return unfold(Number(keys[i]), texts, unfoldedTexts).then(function (pages) {
        waiting[keys[i]].forEach(function (entry) {
          if (pages[offsetOf(entry)].toLowerCase().indexOf(query) >= 0) { found.add(entry); }
        });
        return step(i + 1);
      });
    };
    return step(0);
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

  function describe(number) {
    var parts = [];
    if (partner && partner.value) { parts.push('Partner: ' + partner.value); }
    var on = verdicts.filter(function (box) { return box.checked; });
    if (on.length < verdicts.length) {
      parts.push('Verdict: ' + on.map(function (box) { return box.parentNode.textContent.replace(/\s*\([\d,]+\)\s*$/, '').trim(); }).join(', '));
    }
    if (requirement.value || outcome.value) { parts.push('Requirement: ' + (requirement.value || 'any') + ' ' + (outcome.value || '')); }
    if (change.value) { parts.push('Change: ' + change.value); }
    if (search.value.trim()) { parts.push('Search: "' + search.value.trim() + '"'); }
    parts.push(number + ' of ' + entries.length + ' pages');
    return parts.join(' · ');
  }

  function show(list) {
    shown = list;
    limit = list.length <= EAGER ? list.length : STEP;
    count.textContent = 'Showing ' + list.length + ' of ' + entries.length + ' pages';
    view.textContent = describe(list.length);
    place();
  }

  // The pages' region is busy from a change until its pages are in place (a search or an unfolding may take a moment).
  function apply() {
    main.setAttribute('aria-busy', 'true');
    generation += 1;
    var at = generation;
    var on = {};
    verdicts.forEach(function (box) { on[box.value] = box.checked; });
    var list = ordered(entries.filter(function (entry) {
      return on[entry.verdict] !== false
        && (!partner || !partner.value || entry.partner === partner.value)
        && hasOutcome(entry.outcomes || '', requirement.value, outcome.value)
        && hasChange(entry.change, change.value);
    }));
    document.body.classList.toggle('one-partner', Boolean(partner && partner.value));
    var query = search.value.trim().toLowerCase();
    if (!query || list.every(function (entry) { return entry.element; })) {
      show(query ? list.filter(function (entry) { return textOf(entry).indexOf(query) >= 0; }) : list);
      return;
    }
    count.textContent = 'Searching…';
    matching(list, query, at).then(function (found) {
      if (found && at === generation) { show(found); }
    }, failed);
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

  function showMore() {
    if (limit >= shown.length || busy) { return; }
    limit = Math.min(shown.length, limit + STEP);
    place();
  }

  document.getElementById('f-reset').addEventListener('click', function () {
    verdicts.forEach(function (box) { box.checked = true; });
    [partner, requirement, outcome, change].forEach(function (select) { if (select) { select.value = ''; } });
    sort.value = 'triage';
    search.value = '';
    changed();
  });
  filters.addEventListener('change', changed);
  // Typing searches at once when every page is in the document; with folded pages, once typing pauses.
  var typing = null;
  search.addEventListener('input', function () {
    main.setAttribute('aria-busy', 'true');
    if (!folds) {
      changed();
      return;
    }
    clearTimeout(typing);
    typing = setTimeout(changed, 250);
  });
  // A link to a view (a partner's row, a shared address) changes the fragment: show that view.
  window.addEventListener('hashchange', function () {
    fromFragment();
    apply();
  });
  more.id = 'f-more';
  more.className = 'more';
  more.hidden = true;
  moreButton.type = 'button';
  moreButton.textContent = 'Show more';
  moreButton.addEventListener('click', showMore);
  more.appendChild(moreButton);
  more.appendChild(moreText);
  main.parentNode.insertBefore(more, main.nextSibling);
  if (folded) { folded.hidden = true; }
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (seen) {
      near = seen[seen.length - 1].isIntersecting;
      if (near) { showMore(); }
    }, { rootMargin: '1500px' }).observe(more);
  }
  filters.hidden = false;
  view.hidden = false;
  fromFragment();
  apply();
}());
