// page.js — the player page's JavaScript: fetching and dropping files, fonts, the URL hash,
// storage, fullscreen, links, and the presenter window and its channel. Slides, keys and the
// Session live in the wasm (podium.js); this file only moves bytes and URLs and calls the C
// functions of web/bridge.cpp with numbers, pointers and lengths. web/page.cpp calls the
// `page` object below.
//
// [SECTION] Setup and helpers
// [SECTION] The presenter window and the deck's channel
// [SECTION] A built deck (deckc build): one file, or a static folder
// [SECTION] Called from C++ (Module.page)
// [SECTION] Opening a deck: fonts, text, images, start
// [SECTION] Sources of bytes: a URL, or dropped / chosen files
// [SECTION] Start page, drop, hash, lifecycle
'use strict';
(() => {

// [SECTION] Setup and helpers ------------------------------------------------------------

// FontRole values (engine/text/font.h) and the subset files next to this page.
const LATIN_FONTS = [[0, 'Inter-Regular.otf'], [1, 'Inter-Bold.otf'], [2, 'Inter-Italic.otf'],
  [3, 'Inter-BoldItalic.otf'], [4, 'JetBrainsMono-Regular.ttf'], [5, 'JetBrainsMono-Bold.ttf']];
// Fallback faces, fetched only for decks that need them (bits of podium_missing_fonts).
const FALLBACK_FONTS = {
  1: [[6, 'NotoSansSC-Regular.otf'], [7, 'NotoSansSC-Bold.otf']],  // CJK text
  2: [[8, 'Symbola.ttf']],                                           // emoji, symbols
  4: [[9, 'LatinModernMath.otf']],                                   // formulas
};
// AssetLoader::Status values (engine/layout/images.h).
const OK = 0, NOT_FOUND = 1, REFUSED = 2, ERROR = 3, REMOTE = 4;  // AssetLoader::Status

const $ = (id) => document.getElementById(id);
const canvas = $('canvas');
const encoder = new TextEncoder();
let M = null;         // the wasm module, once ready
let generation = 0;   // bumped by every open: a slower, older load stops at its next step
let deckId = null;    // the open deck's id: its URL, or "file:" + its dropped path
const fallbackFonts = {};  // bit → Promise of [role, bytes] pairs, fetched at most once

// Copies `bytes` into wasm memory for the duration of fn(pointer, length).
function withBytes(bytes, fn) {
  const pointer = M._malloc(Math.max(1, bytes.length));
  M.HEAPU8.set(bytes, pointer);
  try { return fn(pointer, bytes.length); } finally { M._free(pointer); }
}
const withString = (text, fn) => withBytes(encoder.encode(text), fn);

async function fetchBytes(url, options) {
  if (built) return builtBytes(url, options);
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const storageKey = (id) => 'podium:session:' + id;
const NOTES_SCALE_KEY = 'podium:notes-scale';
function readStorage(key) {
  try { return localStorage.getItem(key) || ''; } catch (e) { return ''; }
}
function writeStorage(key, value) {
  try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
}

// "#/12" → {slide: 12, step: 0}; "#/12.3" → step 3 (1-based, as people count); else null.
function parseHash(hash) {
  const m = /^#\/(\d+)(?:\.(\d+))?$/.exec(hash);
  return m ? {slide: +m[1], step: m[2] ? +m[2] : 0} : null;
}

// [SECTION] The presenter window and the deck's channel -----------------------------------

// index.html?deck=…&view=presenter shows the presenter view (S opens it in a second window;
// opened in a tab of its own it is the single-window mode for rehearsing on one screen).
const PRESENTER_WINDOW = 'podium-presenter';
const HELLO = 'podium:hello';  // a window that just started asks the others for the state
let presenterView = new URLSearchParams(location.search).get('view') === 'presenter';
let channel = null;
let deckTitle = '';
const PRESENTER_TITLE = ['Presenter', '演讲者视图'];  // the title says which window it is

// The windows of one deck talk over a BroadcastChannel named for it: every change is one
// session message (engine/present/session.h), which the wasm applies only when it is
// well-formed, for this deck and newer than its own state. Anything else is left out.
function openChannel(id) {
  if (channel) channel.close();
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('podium:' + id) : null;
  if (!channel) return;
  channel.onmessage = (event) => {
    if (!M || deckId !== id || typeof event.data !== 'string') return;
    if (event.data === HELLO) M._podium_send();
    else withString(event.data, (p, n) => M._podium_receive(p, n));
  };
  channel.postMessage(HELLO);
}

// This page's URL with view=presenter set or removed (hash kept).
function urlForView(presenter) {
  const url = new URL(location.href);
  if (presenter) url.searchParams.set('view', 'presenter'); else url.searchParams.delete('view');
  return url;
}

// Why there is no second window, and the same view offered in this tab.
const noWindowText = {
  blocked: {
    en: ['The browser blocked the presenter window.',
      'Allow pop-ups for this site and press S again, or use the presenter view in this tab.'],
    zh: ['浏览器拦截了演讲者窗口。', '请允许此网站弹出窗口后再按 S，或在此标签页中使用演讲者视图。'],
  },
  files: {
    en: ['A deck opened from files cannot be shown in a second window.',
      'Serve it (deckc serve) and open it by URL for two windows, or use the presenter view in this tab.'],
    zh: ['从本地文件打开的演示文稿无法在第二个窗口中显示。',
      '请用 deckc serve 提供并通过网址打开以使用两个窗口，或在此标签页中使用演讲者视图。'],
  },
  buttons: { en: ['Presenter view in this tab', 'Dismiss'], zh: ['在此标签页中显示演讲者视图', '关闭'] },
};

function showNoPresenterWindow(reason) {
  const language = M._podium_ui_language() ? 'zh' : 'en';
  const [title, help] = noWindowText[reason][language];
  const [here, dismiss] = noWindowText.buttons[language];
  $('popup-title').textContent = title;
  $('popup-help').textContent = help;
  $('presenter-here').textContent = here;
  $('popup-dismiss').textContent = dismiss;
  $('popup-blocked').hidden = false;
  $('presenter-here').focus({preventScroll: true});
}
// Closing the notice gives the keys back to the slides at once: a hidden button keeps the
// focus until the browser's next focus fixup, and the notice's keydown handler below would
// swallow the speaker's next key.
const closeNotice = () => {
  $('popup-blocked').hidden = true;
  canvas.focus({preventScroll: true});
};
$('presenter-here').addEventListener('click', () => {
  closeNotice();
  if (M && deckId) M._podium_set_view(1);
});
$('popup-dismiss').addEventListener('click', closeNotice);
// Keys typed on the notice's buttons are theirs (Enter, Space, Tab), not the slides'.
$('popup-blocked').addEventListener('keydown', (event) => {
  event.stopPropagation();
  if (event.key === 'Escape') closeNotice();
});

// S in the audience view: the presenter window, opened or brought forward. A named window
// that already exists is only focused (window.open with a URL would reload it).
// A deck opened from dropped or chosen files has no URL another window could load.
function openPresenterWindow() {
  const deckParam = new URLSearchParams(location.search).get('deck');
  if (!deckParam) return showNoPresenterWindow('files');
  const features = 'popup,width=1280,height=800';
  let popup = null;
  try { popup = window.open('', PRESENTER_WINDOW, features); } catch (e) { popup = null; }
  if (!popup) return showNoPresenterWindow('blocked');
  let showsThisDeck = false;  // a new window is about:blank; an old one may show another deck
  try { showsThisDeck = new URL(popup.location.href).searchParams.get('deck') === deckParam; } catch (e) { /* another origin */ }
  if (!showsThisDeck) popup.location.replace(urlForView(true).href);
  popup.focus();
}

// [SECTION] A built deck (deckc build): one file, or a static folder ----------------------

// tools/common/deck_build.h writes a manifest into the page: {deck, images: {src: {file} |
// {status, message}}, files?: {path: base64}, deflated?: [path]}. With `files` (one HTML
// file) every byte comes from the page and nothing is fetched, so it presents from file://
// with no network; the files named in `deflated` are zlib streams, inflated by the
// browser's DecompressionStream. Without `files` (a folder for a web host) the files sit
// beside the page.
const built = (() => {
  const tag = document.getElementById('podium-embedded');
  if (!tag) return null;
  try { return JSON.parse(tag.textContent); } catch (e) { console.error('podium: the built deck is damaged:', e.message); return null; }
})();

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The bytes of a file of the build (fetchBytes while a built deck is shown).
async function builtBytes(path, options) {
  if (!built.files) {
    const response = await fetch(path, options);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  if (!(path in built.files)) throw new Error(`${path}: not in this file`);
  const bytes = decodeBase64(built.files[path]);
  if (!(built.deflated || []).includes(path)) return bytes;
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this browser cannot open a one-file deck (no DecompressionStream): use a newer one');
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Emscripten instantiates this wasm instead of fetching podium.wasm.
async function builtModuleOptions() {
  return built && built.files && built.files['podium.wasm'] ? {wasmBinary: await builtBytes('podium.wasm')} : {};
}

async function openBuilt() {
  // The URL names the deck shown, as for a served deck (index.html?deck=…): the presenter
  // window opens this same page with it.
  const url = new URL(location.href);
  if (url.searchParams.get('deck') !== built.deck) {
    url.searchParams.set('deck', built.deck);
    history.replaceState(null, '', url);
  }
  let text;
  try { text = await fetchBytes(built.deck, {cache: 'no-cache'}); } catch (e) { return showError('Cannot open the deck: ' + e.message); }
  await openDeck('built:' + built.deck, text, async (src) => {
    const image = (built.images || {})[src];
    if (!image) return {status: NOT_FOUND, message: 'not in this build'};
    if (image.file === undefined) return {status: image.status, message: image.message};
    return {status: OK, bytes: await fetchBytes(image.file)};
  });
}

// [SECTION] Called from C++ (Module.page) -------------------------------------------------

const page = {
  setHash(slide, step, push) {
    const hash = '#/' + slide + (step > 1 ? '.' + step : '');
    if (location.hash === hash) return;
    history[push ? 'pushState' : 'replaceState'](null, '', hash);
  },
  setTitle(title) {
    deckTitle = title;
    document.title = presenterView ? `${title} · ${PRESENTER_TITLE[M._podium_ui_language()]}` : title;
  },
  setSlideText(text, slide, count) {
    $('slide-text').textContent = text;
    canvas.setAttribute('aria-label', `Slide ${slide} of ${count}`);
  },
  openLink(href) { window.open(href, '_blank', 'noopener,noreferrer'); },
  toggleFullscreen() {
    const d = document, root = d.documentElement;
    if (d.fullscreenElement || d.webkitFullscreenElement) {
      (d.exitFullscreen || d.webkitExitFullscreen).call(d);
    } else {
      const request = root.requestFullscreen || root.webkitRequestFullscreen;
      if (request) Promise.resolve(request.call(root)).catch(() => {});
    }
  },
  togglePresenter() {
    if (!presenterView) return openPresenterWindow();
    let opener = null;
    try { opener = window.opener && !window.opener.closed ? window.opener : null; } catch (e) { opener = null; }
    if (opener) opener.focus();        // the presenter window: back to the audience's
    else M._podium_set_view(0);        // a single window: it shows the audience view again
  },
  saveSession(message) { writeStorage(storageKey(deckId), message); },
  sendSession(message) { if (channel) channel.postMessage(message); },
  async viewChanged(presenter, missingFonts) {
    presenterView = presenter;
    page.setTitle(deckTitle);
    if (new URLSearchParams(location.search).get('deck')) history.replaceState(null, '', urlForView(presenter));
    if (!missingFonts) return;
    const fonts = await loadFallbackFonts(missingFonts);
    const missing = M._podium_missing_fonts();
    for (const [bit, role, bytes] of fonts) {
      if (missing & bit) withBytes(bytes, (p, n) => M._podium_add_font(role, p, n, 0));
    }
    M._podium_redraw();
  },
  saveNotesScale(scale) { writeStorage(NOTES_SCALE_KEY, String(scale)); },
  deckStarted() {
    canvas.classList.add('shown');
    $('start').hidden = true;
    $('loading').hidden = true;
    $('choose').hidden = true;
    canvas.focus({preventScroll: true});
  },
};

// The module, the WebGL2 context and the Latin fonts: everything a deck needs first.
const ready = (async () => {
  const fonts = LATIN_FONTS.map(([role, file]) => fetchBytes('fonts/' + file).then((b) => [role, b]));
  M = await createPodium({canvas, page, ...(await builtModuleOptions())});
  window.podiumModule = M;  // for end-to-end tests and the console
  if (!M._podium_ready()) throw new Error('This browser cannot draw the slides (WebGL 2 is off or missing).');
  withString(navigator.language || '', (p, n) =>
    M._podium_configure(presenterView ? 1 : 0, +readStorage(NOTES_SCALE_KEY) || 0, p, n));
  for (const [role, bytes] of await Promise.all(fonts)) {
    withBytes(bytes, (p, n) => M._podium_add_font(role, p, n, 0));
  }
})();

// [SECTION] Opening a deck: fonts, text, images, start ------------------------------------

// The fallback faces for the bits of `missing`, as [bit, role, bytes] triples.
async function loadFallbackFonts(missing) {
  const loads = Object.keys(FALLBACK_FONTS).filter((bit) => missing & bit).map((bit) => {
    fallbackFonts[bit] = fallbackFonts[bit] || Promise.all(FALLBACK_FONTS[bit].map(([role, file]) =>
      fetchBytes('fonts/' + file).then((bytes) => [+bit, role, bytes])));
    return fallbackFonts[bit].catch((e) => { console.warn('podium: fonts:', e.message); return []; });
  });
  return (await Promise.all(loads)).flat();
}

// Opens a deck: `id` names it (storage, diagnostics), `text` is its bytes, and
// readImage(src) resolves to {status, bytes?, message?} for each image it names.
async function openDeck(id, text, readImage) {
  const mine = ++generation;
  showLoading(id);
  try { await ready; } catch (e) { return; }  // already shown by ready.catch below
  if (mine !== generation) return;
  deckId = id;
  const count = withString(id, (ip, il) => withBytes(text, (p, n) => M._podium_open_deck(ip, il, p, n)));
  const sources = [];
  for (let i = 0; i < count; i++) sources.push(M.UTF8ToString(M._podium_image_src(i)));
  const [images, fonts] = await Promise.all([
    Promise.all(sources.map((src) => readImage(src).catch((e) => ({status: ERROR, message: String(e.message || e)})))),
    loadFallbackFonts(M._podium_missing_fonts()),
  ]);
  if (mine !== generation) return;
  images.forEach((result, i) => {
    withString(sources[i], (sp, sn) => withBytes(result.bytes || new Uint8Array(0), (bp, bn) =>
      withString(result.message || '', (mp, mn) =>
        M._podium_provide_image(sp, sn, result.status, bp, bn, mp, mn))));
  });
  const missing = M._podium_missing_fonts();  // another deck may have brought some meanwhile
  for (const [bit, role, bytes] of fonts) {
    if (missing & bit) withBytes(bytes, (p, n) => M._podium_add_font(role, p, n, 0));
  }
  const at = parseHash(location.hash);
  withString(readStorage(storageKey(id)), (p, n) =>
    M._podium_start(p, n, at ? at.slide : 0, at ? at.step : 0));
  openChannel(id);
}

function showLoading(name) {
  const loading = $('loading');
  loading.textContent = 'Opening ' + name.replace(/^.*\//, '') + '…';
  loading.hidden = false;
  $('start').hidden = true;
}

function showError(message) {
  $('loading').hidden = true;
  showStart();
  const error = $('error');
  error.textContent = message;
  error.hidden = false;
}

// [SECTION] Sources of bytes: a URL, or dropped / chosen files ------------------------------

// index.html?deck=URL: the deck and its images come from the same origin as the page.
async function openUrl(deckParam) {
  let url;
  try { url = new URL(deckParam, location.href); } catch (e) { return showError(`deck=${deckParam} is not a URL`); }
  if (url.origin !== location.origin) {
    return showError(`deck=${deckParam}: only decks from this site (${location.origin}) can be opened by URL.\nDownload it and drop it here instead.`);
  }
  url.hash = '';
  let text, events;
  try {
    const response = await fetch(url, {cache: 'no-cache'});
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    text = new Uint8Array(await response.arrayBuffer());
    events = response.headers.get('Podium-Events');
  } catch (e) { return showError('Cannot open the deck: ' + e.message); }
  if (events) reloadOnChange(new URL(events, url));
  await openDeck(url.href, text, async (src) => {
    let image;
    try { image = new URL(src, url); } catch (e) { return {status: NOT_FOUND, message: 'not a URL'}; }
    if (image.origin !== location.origin) return {status: REMOTE, message: 'remote images are not fetched'};
    const response = await fetch(image);
    if (!response.ok) return {status: NOT_FOUND, message: `HTTP ${response.status}`};
    return {status: OK, bytes: new Uint8Array(await response.arrayBuffer())};
  });
}

// Served by `deckc serve` (tools/common/serve.h), the deck names a change channel: when the
// file is saved the page reloads, and the hash and the saved session keep slide and step.
// Short questions twice a second rather than one stream held open: a pending request stops
// headless Chromium's virtual time, and `--virtual-time-budget` screenshots never finished.
function reloadOnChange(eventsUrl) {
  const ask = async () => {
    try {
      const response = await fetch(eventsUrl, {cache: 'no-store'});
      if (response.ok && (await response.text()).startsWith('change')) return location.reload();
    } catch (e) { /* the server is restarting, or gone: ask again */ }
    setTimeout(ask, 500);
  };
  setTimeout(ask, 500);
}

// Resolves `src` against the folder of `deckPath` inside a set of files; null when it
// leaves the set's root.
function resolveInFiles(deckPath, src) {
  const parts = deckPath.split('/').slice(0, -1);
  let clean = src.replace(/[?#].*$/, '');
  try { clean = decodeURIComponent(clean); } catch (e) { /* keep it as written */ }
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { if (!parts.length) return null; parts.pop(); } else parts.push(part);
  }
  return parts.join('/');
}

// Dropped or chosen files: Map(path → File). Opens the one deck among them, or asks which.
function openFiles(files) {
  const decks = [...files.keys()].filter((p) => /\.(md|markdown)$/i.test(p));
  if (!decks.length) return showError('There is no .md file among these files.');
  const depth = (p) => p.split('/').length;
  const top = Math.min(...decks.map(depth));
  const candidates = decks.filter((p) => depth(p) === top).sort();
  if (candidates.length === 1) return openFileDeck(files, candidates[0]);
  showStart();
  const list = $('choose').querySelector('ul');
  list.replaceChildren(...candidates.map((path) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = path;
    button.onclick = () => openFileDeck(files, path);
    item.append(button);
    return item;
  }));
  $('choose').hidden = false;
}

async function openFileDeck(files, deckPath) {
  // The URL named another deck (or its place in it): a reload now shows the start page.
  if (location.search || location.hash) history.replaceState(null, '', location.pathname);
  const byName = new Map();  // basename → path, for a .md dropped beside its images
  for (const path of files.keys()) {
    const name = path.replace(/^.*\//, '');
    byName.set(name, byName.has(name) ? null : path);
  }
  const text = new Uint8Array(await files.get(deckPath).arrayBuffer());
  await openDeck('file:' + deckPath, text, async (src) => {
    if (/^https?:/i.test(src)) return {status: REMOTE, message: 'remote images are not fetched'};
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return {status: REFUSED, message: "only files in the deck's folder are read"};
    const path = resolveInFiles(deckPath, src);
    if (path === null) return {status: REFUSED, message: "outside the deck's folder"};
    const file = files.get(path) || files.get(byName.get(path.replace(/^.*\//, '')));
    if (!file) return {status: NOT_FOUND, message: 'not among the opened files'};
    return {status: OK, bytes: new Uint8Array(await file.arrayBuffer())};
  });
}

// A drop's items → Map(path → File), folders walked recursively.
async function collectDropped(dataTransfer) {
  const files = new Map();
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      files.set(prefix + entry.name, await new Promise((ok, fail) => entry.file(ok, fail)));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const child of batch) await walk(child, prefix + entry.name + '/');
      }
    }
  };
  const entries = [...dataTransfer.items].map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry());
  if (entries.every(Boolean)) {
    for (const entry of entries) await walk(entry, '');
    // One dropped folder: paths relative to it.
    if (entries.length === 1 && entries[0].isDirectory) {
      const cut = entries[0].name.length + 1;
      return new Map([...files].map(([path, file]) => [path.slice(cut), file]));
    }
  } else {
    for (const file of dataTransfer.files) files.set(file.name, file);
  }
  return files;
}

// Files from an <input type=file>: a folder's keep their relative paths (without the folder).
function collectChosen(list) {
  const files = new Map();
  for (const file of list) {
    const path = file.webkitRelativePath ? file.webkitRelativePath.replace(/^[^/]*\//, '') : file.name;
    files.set(path, file);
  }
  return files;
}

// [SECTION] Start page, drop, hash, lifecycle ---------------------------------------------

function showStart() {
  $('start').hidden = false;
  $('loading').hidden = true;
  $('error').hidden = true;
  $('choose').hidden = true;
}

for (const id of ['open-files', 'open-folder']) {
  $(id).addEventListener('change', (event) => {
    if (event.target.files.length) openFiles(collectChosen(event.target.files));
    event.target.value = '';
  });
}

// Dropping works on the start page and over a deck being shown (it replaces it).
let dragDepth = 0;
document.addEventListener('dragenter', (e) => { e.preventDefault(); if (++dragDepth === 1) document.body.classList.add('dragging'); });
document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; document.body.classList.remove('dragging'); } });
document.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const files = await collectDropped(e.dataTransfer);
  if (files.size) openFiles(files);
});

// Back, forward, a bookmark or an edited hash: go there.
const followHash = () => {
  const at = parseHash(location.hash);
  if (at && M && deckId) M._podium_go_to(at.slide, at.step);
};
window.addEventListener('popstate', followHash);
window.addEventListener('hashchange', followHash);

// Save the timer and position when the tab goes away; draw again when it comes back.
window.addEventListener('pagehide', () => { if (M && deckId) M._podium_save(); });
document.addEventListener('visibilitychange', () => {
  if (!M) return;
  if (document.hidden) { if (deckId) M._podium_save(); } else M._podium_redraw();
});

ready.catch((e) => showError(e.message || String(e)));
const deckParam = new URLSearchParams(location.search).get('deck');
if (built) openBuilt(); else if (deckParam) openUrl(deckParam); else showStart();

})();
