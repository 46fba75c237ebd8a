// Runs in the rendered page. Marks every element a reader cannot see with data-syndication-hidden="why" and every
// element with data-syndication-id="n", then returns the page's DOM as HTML. An element counts as seen when some of
// its own content (its text, an image or other replaced element, a background image) is painted where a reader can
// see it: rendered, not transparent, not off-screen, not clipped away by an ancestor, not covered by an opaque
// element (fixed and sticky bars a reader scrolls past do not count as covering). Everything is decided from
// computed styles and boxes, so external stylesheets and scripts count as the reader's browser applies them.
(maxPieces) => {
  const HIDDEN = 'data-syndication-hidden', ID = 'data-syndication-id';
  const skip = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'META', 'LINK', 'BR', 'WBR', 'SOURCE', 'TRACK', 'PARAM']);
  const replaced = new Set(['IMG', 'SVG', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'AMP-IMG', 'PICTURE', 'TEXTAREA', 'SELECT', 'BUTTON']);
  const vw = window.innerWidth, vh = window.innerHeight;
  const styles = new Map();
  const css = (e) => { let s = styles.get(e); if (!s) { s = getComputedStyle(e); styles.set(e, s); } return s; };
  const name = (e) => {
    let n = e.localName;
    if (e.id) n += '#' + e.id;
    else if (typeof e.className === 'string' && e.className.trim()) n += '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.');
    return '<' + n + '>';
  };
  const alpha = (colour) => {
    const m = /rgba?\(([^)]+)\)/.exec(colour || '');
    if (!m) return colour === 'transparent' ? 0 : 1;
    const parts = m[1].split(/[ ,\/]+/).filter(Boolean);
    return parts.length > 3 ? parseFloat(parts[3]) : 1;
  };
  const rgb = (colour) => {
    const m = /rgba?\(([^)]+)\)/.exec(colour || '');
    return m ? m[1].split(/[ ,\/]+/).filter(Boolean).slice(0, 3).map(Number) : null;
  };

  // Ancestors' facts, computed once each.
  const opacityOf = new Map();
  const opacity = (e) => {
    if (!e || e.nodeType !== 1) return { value: 1, by: null };
    let o = opacityOf.get(e);
    if (o) return o;
    const own = parseFloat(css(e).opacity);
    const up = opacity(e.parentElement);
    o = { value: up.value * (isNaN(own) ? 1 : own), by: !isNaN(own) && own < 0.05 ? e : up.by };
    opacityOf.set(e, o);
    return o;
  };
  const fixedOf = new Map();
  const inFixed = (e) => {
    if (!e || e.nodeType !== 1) return false;
    if (fixedOf.has(e)) return fixedOf.get(e);
    const p = css(e).position;
    const f = p === 'fixed' || p === 'sticky' || inFixed(e.parentElement);
    fixedOf.set(e, f);
    return f;
  };
  const displayNone = (e) => {
    for (let a = e; a && a.nodeType === 1; a = a.parentElement) if (css(a).display === 'none') return a;
    return null;
  };
  const background = (e) => {
    for (let a = e; a && a.nodeType === 1; a = a.parentElement) {
      const s = css(a);
      if (s.backgroundImage && s.backgroundImage !== 'none') return null;
      if (alpha(s.backgroundColor) > 0.9) return rgb(s.backgroundColor);
    }
    return [255, 255, 255];
  };

  // Hiding the whole page (AMP's boilerplate until its runtime starts, anti-flicker snippets) is undone by a script or
  // a timer before a reader looks: as the static judge does, the page itself is not taken as hidden.
  const unhide = document.createElement('style');
  unhide.textContent = 'html,body{visibility:visible!important;opacity:1!important;animation:none!important}';
  const whole = [document.documentElement, document.body].filter(Boolean);
  if (whole.some((e) => { const s = getComputedStyle(e); return s.visibility !== 'visible' || parseFloat(s.opacity) < 0.05; })) {
    document.documentElement.appendChild(unhide);
  }

  // Every element gets an id (so the runner can outline it later); pieces are elements with content of their own.
  const all = document.body ? [document.documentElement, ...document.documentElement.querySelectorAll('*')] : [];
  const pieces = [];
  let n = 0;
  for (const e of all) {
    e.removeAttribute(HIDDEN);
    e.setAttribute(ID, String(n++));
    if (skip.has(e.tagName.toUpperCase()) || e.closest('svg') && e.localName !== 'svg' || e.closest('noscript,template,head')) continue;
    let text = false;
    for (const c of e.childNodes) if (c.nodeType === 3 && c.data.trim()) { text = true; break; }
    const tag = e.tagName.toUpperCase();
    const isReplaced = replaced.has(tag) && !(tag === 'PICTURE' && e.querySelector('img')) && !(tag === 'INPUT' && e.type === 'hidden');
    const bg = !text && !isReplaced && css(e).backgroundImage.startsWith('url(');
    if (text || isReplaced || bg) pieces.push({ e, text, isReplaced, bg, why: null, rect: null });
  }
  if (pieces.length > maxPieces) pieces.length = maxPieces;

  const docRect = (r) => ({ left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY, width: r.width, height: r.height });
  const union = (rects) => {
    let u = null;
    for (const r of rects) {
      if (r.width <= 0 || r.height <= 0) continue;
      u = u ? { left: Math.min(u.left, r.left), top: Math.min(u.top, r.top), right: Math.max(u.right, r.right), bottom: Math.max(u.bottom, r.bottom) } : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    if (u) { u.width = u.right - u.left; u.height = u.bottom - u.top; }
    return u;
  };
  const textRects = (e) => {
    const rects = [];
    for (const c of e.childNodes) {
      if (c.nodeType !== 3 || !c.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(c);
      for (const r of range.getClientRects()) rects.push(r);
    }
    return rects;
  };
  const clippedBy = (e, r) => {
    // Ancestors that clip (overflow hidden or clip, not scrollable), skipping those an absolutely positioned box escapes.
    let escapeUntil = null;
    const own = css(e).position;
    if (own === 'fixed') return null;
    if (own === 'absolute') escapeUntil = e.offsetParent;
    for (let a = e.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const s = css(a);
      if (escapeUntil) { if (a !== escapeUntil) continue; escapeUntil = null; }
      if (s.position === 'fixed') return null;
      const clips = (v) => v === 'hidden' || v === 'clip';
      if (clips(s.overflowX) || clips(s.overflowY) || (s.clipPath && s.clipPath !== 'none')) {
        const b = a.getBoundingClientRect();
        const inset = /inset\(\s*(\d+(?:\.\d+)?)%/.exec(s.clipPath || '');
        if (inset && parseFloat(inset[1]) >= 50) return a;
        const left = clips(s.overflowX) ? Math.max(r.left, b.left) : r.left, right = clips(s.overflowX) ? Math.min(r.right, b.right) : r.right;
        const top = clips(s.overflowY) ? Math.max(r.top, b.top) : r.top, bottom = clips(s.overflowY) ? Math.min(r.bottom, b.bottom) : r.bottom;
        const seen = Math.max(0, right - left) * Math.max(0, bottom - top);
        if (seen < 0.2 * r.width * r.height || right - left < 2 || bottom - top < 2) return a;
      }
      if (s.position === 'absolute' && !escapeUntil) escapeUntil = a.offsetParent;
    }
    return null;
  };

  // Pass 1: what styles and boxes say.
  for (const p of pieces) {
    const e = p.e, s = css(e);
    const none = displayNone(e);
    if (none) { p.why = 'display:none' + (none === e ? '' : ' on ' + name(none)); continue; }
    if (s.visibility !== 'visible') { p.why = 'visibility:' + s.visibility; continue; }
    const o = opacity(e);
    if (o.value < 0.05) { p.why = 'opacity:0' + (o.by && o.by !== e ? ' on ' + name(o.by) : ''); continue; }
    const rect = union(p.text ? textRects(e) : [e.getBoundingClientRect()]);
    if (!rect) { p.why = 'no size when rendered'; continue; }
    if (!p.text && (rect.width <= 2 || rect.height <= 2)) { p.why = `rendered at ${Math.round(rect.width)} × ${Math.round(rect.height)} px`; continue; }
    if (p.text) {
      if (parseFloat(s.fontSize) < 3) { p.why = 'font-size:' + s.fontSize; continue; }
      if (alpha(s.color) < 0.05) { p.why = 'transparent text'; continue; }
      const fg = rgb(s.color), bg = background(e);
      if (fg && bg && Math.abs(fg[0] - bg[0]) + Math.abs(fg[1] - bg[1]) + Math.abs(fg[2] - bg[2]) < 24) { p.why = 'text in its background\'s colour'; continue; }
    }
    const d = docRect(rect);
    if (d.right <= 0 || d.bottom <= 0 || d.left >= Math.max(vw, document.documentElement.clientWidth)) { p.why = 'positioned off-screen'; continue; }
    const clipper = clippedBy(e, rect);
    if (clipper) { p.why = 'clipped by ' + name(clipper); continue; }
    p.rect = d;
  }

  // Pass 2: covered by an opaque element, tested where it is painted, band by band of the viewport.
  const style = document.createElement('style');
  style.textContent = '*,*::before,*::after{pointer-events:auto!important}';
  document.documentElement.appendChild(style);
  const opaque = (h) => {
    const s = css(h);
    if (opacity(h).value < 0.9) return false;
    return replaced.has(h.tagName.toUpperCase()) || alpha(s.backgroundColor) >= 0.9 || (s.backgroundImage && s.backgroundImage !== 'none');
  };
  const visible = pieces.filter((p) => p.rect).sort((a, b) => a.rect.top - b.rect.top);
  let band = -1;
  for (const p of visible) {
    const r = p.rect;
    const top = Math.max(0, Math.floor((r.top + r.height / 2) / vh) * vh - vh / 4);
    if (top !== band) { window.scrollTo(0, top); band = top; }
    const points = [[0.5, 0.5], [0.2, 0.25], [0.8, 0.25], [0.2, 0.75], [0.8, 0.75]];
    let tested = 0, covered = 0, by = null;
    for (const [fx, fy] of points) {
      const x = r.left + r.width * fx - scrollX, y = r.top + r.height * fy - scrollY;
      if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
      tested++;
      for (const h of document.elementsFromPoint(x, y)) {
        if (h === style || h === document.documentElement || h === document.body) break;
        if (h === p.e || p.e.contains(h) || h.contains(p.e)) break;
        if (inFixed(h)) continue;
        if (opaque(h)) { covered++; by = by || h; break; }
      }
    }
    if (tested >= 3 && covered >= tested - 1 && covered >= 3) p.why = 'covered by ' + name(by);
  }
  style.remove();
  unhide.remove();
  window.scrollTo(0, 0);

  // An element is hidden when none of the content in it is seen: its own, its descendants'.
  const seen = new Set();
  for (const p of pieces) if (!p.why) for (let a = p.e; a && !seen.has(a); a = a.parentElement) seen.add(a);
  const reasons = new Map(pieces.filter((p) => p.why).map((p) => [p.e, p.why]));
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i];
    if (seen.has(e)) continue;
    let why = reasons.get(e);
    if (!why) {
      for (const c of e.children) { const w = c.getAttribute(HIDDEN); if (w) { why = w; break; } }
    }
    if (why) e.setAttribute(HIDDEN, why);
  }
  const doctype = document.doctype ? '<!DOCTYPE html>' : '';
  return { html: doctype + document.documentElement.outerHTML, pieces: pieces.length, hidden: reasons.size, elements: all.length };
}
