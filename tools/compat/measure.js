#!/usr/bin/env node
// Measures how well deckc shows real decks written for other Markdown slide tools
// (Marp, Slidev, reveal.js / reveal-md, remark / xaringan).
//
//   node tools/compat/measure.js --deckc PATH --corpus .deps/real-decks [--out FILE.md]
//        [--npm .deps/npm] [--only TOOL/NAME,...] [--keep DIR] [--timeout 60]
//
// The corpus folder holds <tool>/<short-name>/<deck file> (plus the deck's images) and a
// sources.tsv (tool, short-name, language, repository, path, commit, split). For each deck it
// runs `deckc check`, `deckc outline --json` and `deckc export -o out.pdf` (each with a time
// limit, a crash or hang is recorded and the run goes on), reads the PDF with pdftotext and
// pdfimages (poppler-utils), and compares with the deck as the original tool sees it:
//
//   slides   Podium's slide count / the original tool's, split by that tool's own rules
//            (Marp: `---` outside code plus headingDivider, cross-checked with Marp CLI when
//            it is installed under --npm; Slidev: `---` with per-slide front matter, hidden
//            and disabled slides left out; reveal-md: its separator regexes, default
//            `\r?\n---\r?\n` and vertical `\r?\n----\r?\n`, or the deck's front matter, or the
//            `split` column of sources.tsv when the repository's own HTML sets them; remark:
//            `---`, incremental `--` is the same slide, `layout: true` and `exclude: true`
//            slides not shown, xaringan's title slide from the YAML unless `seal: false`).
//   words    visible words of the original (markdown-it with html:true on each slide after
//            dropping front matter, HTML comments, speaker notes and directive lines, tags
//            stripped and their text kept, <style>/<script> dropped) — Latin words
//            [A-Za-z0-9]+ and each CJK character as one word — and the share of them found in
//            the PDF's text, as a multiset (each occurrence found once).
//   markup   PDF pages whose text shows tool markup literally (MARKUP_PATTERNS below). An
//            occurrence the original has inside code (a fenced block or `inline code`, where
//            it is meant to be shown) is allowed: each pattern's code occurrences in the
//            deck are a budget that the pages use up first, in page order.
//   blank    PDF pages with no text and no image whose original slide (found from the
//            outline's source line) had words or an image.
//   check    exit code of `deckc check`, its error and warning lines; crash = killed by a
//            signal, a time-out, or an exit code other than 0, 1, 2 in any deckc call.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const cp = require('child_process');

// ---------------------------------------------------------------------------------------
// Tool markup that must never reach the audience as text. Each entry: the literal a PDF page
// is searched for, and what it is. Keep this list documented: docs/compatibility.md cites it.
const MARKUP_PATTERNS = [
  ['::right::', 'Slidev two-cols slot marker'],
  ['::left::', 'Slidev slot marker'],
  ['::default::', 'Slidev slot marker'],
  ['.pull-left[', 'remark/xaringan column macro'],
  ['.pull-right[', 'remark/xaringan column macro'],
  ['.left-column[', 'remark column macro'],
  ['.right-column[', 'remark column macro'],
  ['.footnote[', 'remark footnote macro'],
  ['.center[', 'remark alignment macro'],
  [/^\s*\]\s*$/m, 'a line holding only `]`, the end of a remark macro'],
  [/(^|\s)\.[a-z][\w-]*\[/, 'any other remark `.class[` macro'],
  ['<div', 'raw HTML block shown as text'],
  ['</div>', 'raw HTML end tag shown as text'],
  ['<span', 'raw HTML inline tag shown as text'],
  ['<img', 'raw HTML image shown as text'],
  ['<br', 'raw HTML line break shown as text'],
  ['<style', 'CSS block shown as text'],
  ['<v-', 'Slidev v-click / v-clicks / v-after component'],
  ['v-click', 'Slidev click directive'],
  ['{.', 'attribute list {.class}'],
  [':::', 'container fence'],
  ['{{', 'template interpolation'],
  ['class="', 'HTML class attribute'],
  ['style="', 'HTML style attribute'],
  ['layout:', 'per-slide front matter / remark property'],
  ['class:', 'remark property or Slidev front matter'],
  ['<<< @/', 'Slidev code snippet import'],
  ['<!--', 'HTML comment (directive) shown as text'],
  ['.element:', 'reveal.js element attributes comment'],
  ['.slide:', 'reveal.js slide attributes comment'],
  ['![bg', 'Marp background image syntax shown'],
  ['![](', 'Markdown image syntax shown (e.g. in a Marp _footer directive)'],
  [/<[a-z]+:[a-z][\w-]*/, 'Vue icon component (<carbon:arrow-right/>) shown as text'],
  ['???', 'remark speaker-notes separator'],
  ['```{r', 'R Markdown chunk header'],
];

// ---------------------------------------------------------------------------------------
function parseArgs(argv) {
  const a = { deckc: null, corpus: null, out: null, npm: null, only: null, keep: null, timeout: 60 };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--deckc') a.deckc = v();
    else if (k === '--corpus') a.corpus = v();
    else if (k === '--out') a.out = v();
    else if (k === '--npm') a.npm = v();
    else if (k === '--only') a.only = v().split(',');
    else if (k === '--keep') a.keep = v();
    else if (k === '--timeout') a.timeout = +v();
    else if (k === '-h' || k === '--help') { console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 40).join('\n')); process.exit(0); }
    else { console.error(`measure.js: unknown argument ${k}`); process.exit(2); }
  }
  if (!a.deckc || !a.corpus) { console.error('usage: node tools/compat/measure.js --deckc PATH --corpus DIR [--out FILE.md]'); process.exit(2); }
  a.deckc = path.resolve(a.deckc);
  a.corpus = path.resolve(a.corpus);
  a.npm = path.resolve(a.npm || path.join(__dirname, '..', '..', '.deps', 'npm'));
  return a;
}
const args = parseArgs(process.argv);
const NM = path.join(args.npm, 'node_modules');
let MarkdownIt;
try { MarkdownIt = require(require.resolve('markdown-it', { paths: [NM] })); } catch (e) {
  console.error(`measure.js: markdown-it not found under ${NM}: npm install --prefix ${args.npm} markdown-it@14.1.0`);
  process.exit(2);
}
const md = new MarkdownIt({ html: true, linkify: false });
const MARP_CLI = path.join(NM, '@marp-team', 'marp-cli', 'marp-cli.js');

// ---------------------------------------------------------------------------------------
// Words
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const WORD = /[A-Za-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
function words(text) { return (text.normalize('NFKC').match(WORD) || []).map((w) => (CJK.test(w) ? w : w.toLowerCase())); }
function bag(list) { const m = new Map(); for (const w of list) m.set(w, (m.get(w) || 0) + 1); return m; }
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => {
    if (e[0] === '#') { const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1); try { return String.fromCodePoint(n); } catch { return ' '; } }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', copy: '©' }[e.toLowerCase()] || ' ';
  });
}
// Markdown of one slide -> the text a reader sees.
function visibleText(markdown) {
  let html = md.render(markdown);
  html = html.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(html);
}
const hasImageRe = /!\[[^\]]*\]\([^)]+\)|<img\b|<svg\b|background-image|data-background-image|^\s*(image|background):\s*\S/im;

// ---------------------------------------------------------------------------------------
// Helpers on source lines
function frontMatter(lines) {
  // YAML front matter at the very top: returns [endLineExclusive, object-ish map of top keys]
  if (lines[0] !== undefined && /^---\s*$/.test(lines[0])) {
    for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return [i + 1, yamlTop(lines.slice(1, i))];
  }
  return [0, {}];
}
function yamlTop(lines) {
  const o = {};
  for (const l of lines) { const m = l.match(/^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/); if (m) o[m[1]] = m[2].trim().replace(/^['"]|['"]$/g, ''); }
  return o;
}
function fenceTracker() {
  let fence = null;
  return (line) => { // returns true when the line is inside (or opens/closes) a fenced code block
    const m = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (fence) { if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = null; return true; }
    if (m) { fence = m[1]; return true; }
    return false;
  };
}
function stripComments(s) { return s.replace(/<!--[\s\S]*?-->/g, ''); }
function codeOnly(text) { // text inside fenced blocks and inline code spans (shown as code on purpose)
  const out = [];
  const inFence = fenceTracker();
  for (const l of text.split('\n')) { if (inFence(l)) out.push(l); else { const m = l.match(/`[^`]+`/g); if (m) out.push(...m); } }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------
// Per-tool splitting: each returns { slides: [{start, end, markdown, image}], note }
// start/end are 1-based source lines, end exclusive. markdown is what the audience sees.

function splitMarp(text) {
  const lines = text.split('\n');
  const [fmEnd, fm] = frontMatter(lines);
  const body = lines.map((l, i) => (i < fmEnd ? '' : l)).join('\n');
  let hd = fm.headingDivider;
  const dm = body.match(/<!--\s*headingDivider\s*:\s*([^\n]*?)\s*-->/);
  if (dm) hd = dm[1];
  let levels = [];
  if (hd) {
    const nums = (String(hd).match(/\d/g) || []).map(Number);
    levels = /^\s*\[/.test(String(hd)) ? nums : nums.length ? Array.from({ length: nums[0] }, (_, i) => i + 1) : [];
  }
  const tokens = md.parse(body, {});
  const cuts = []; // 0-based line where a new slide begins
  let contentSinceCut = false;
  for (const t of tokens) {
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'hr') { cuts.push({ at: t.map[0], skip: t.map[1] }); contentSinceCut = false; continue; }
    if (t.type === 'heading_open' && levels.includes(+t.tag.slice(1)) && contentSinceCut) { cuts.push({ at: t.map[0], skip: t.map[0] }); contentSinceCut = false; }
    if (t.type === 'html_block' && /^\s*<!--[\s\S]*-->\s*$/.test(t.content)) continue; // directives do not make content
    if (t.type.endsWith('_open') || t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') contentSinceCut = true;
  }
  const slides = [];
  let s = fmEnd;
  for (const c of cuts) { slides.push([s, c.at]); s = c.skip; }
  slides.push([s, lines.length]);
  return {
    slides: slides.map(([a, b]) => {
      const raw = lines.slice(a, b).join('\n');
      return { start: a + 1, end: b + 1, markdown: stripComments(raw), image: hasImageRe.test(raw) };
    }),
  };
}

function marpCli(file, timeoutMs) {
  if (!fs.existsSync(MARP_CLI)) return null;
  const out = path.join(os.tmpdir(), `measure-marp-${process.pid}.html`);
  const r = cp.spawnSync(process.execPath, [MARP_CLI, '--html', '--no-config-file', file, '-o', out], { timeout: timeoutMs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0 || !fs.existsSync(out)) return null;
  const html = fs.readFileSync(out, 'utf8');
  fs.unlinkSync(out);
  return (html.match(/<svg[^>]*data-marpit-svg/g) || []).length;
}

function splitSlidev(text) {
  // Slidev's parser: a line starting with `---` ends a slide; when the next line is not empty
  // (and the line is not `----`), the lines up to the next `---` are the new slide's front matter.
  const lines = text.split('\n');
  const slides = [];
  let start = 0, fm = null, fmLines = [];
  const push = (end) => {
    if (start === end && !fm) return;
    slides.push({ a: start, b: end, fm: fmLines });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line.startsWith('---')) {
      push(i);
      start = i; fmLines = []; fm = null;
      const next = lines[i + 1];
      if (line[3] !== '-' && next !== undefined && next.trim()) {
        fm = true;
        for (i += 1; i < lines.length; i++) { if (lines[i].trimEnd() === '---') break; fmLines.push(lines[i]); }
      }
    } else if (line.trimStart().startsWith('```')) {
      const fence = line.trimStart().match(/^`+/)[0];
      for (i += 1; i < lines.length; i++) if (lines[i].trimStart().startsWith(fence)) break;
    }
  }
  push(lines.length);
  const out = [];
  let note = '';
  for (const sl of slides) {
    const top = yamlTop(sl.fm);
    if (/^(true|yes)$/.test(top.hide || '') || /^(true|yes)$/.test(top.disabled || '')) continue;
    if (top.src) note = 'imports slides with src:, counted as one';
    // body: the slide's lines after its front matter block
    let a = sl.a;
    if (sl.fm.length || /^---/.test(lines[a] || '')) { a += 1; if (sl.fm.length) a += sl.fm.length + 1; }
    let raw = lines.slice(a, sl.b).join('\n');
    // a ```yaml block at the very start is front matter too
    raw = raw.replace(/^\s*```ya?ml\n[\s\S]*?\n```/, '');
    let vis = stripComments(raw)
      .replace(/^\s*::[\w-]+::\s*$/gm, '')
      .replace(/^\s*<<<\s*@\/.*$/gm, '')
      .replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<script[\s\S]*?<\/script>/gi, '')
      .replace(/\{\{[\s\S]*?\}\}/g, '')
      .replace(/\{(?:[.#][\w-]|v-|[a-z-]+=)[^}\n]*\}/g, ''); // MDC attribute lists {.op50} {v-click}
    out.push({ start: sl.a + 1, end: sl.b + 1, markdown: vis, image: hasImageRe.test(raw) || !!(top.image || (top.background && !/^#/.test(top.background))) });
  }
  return { slides: out, note };
}

function splitReveal(text, split) {
  const lines = text.split('\n');
  const [fmEnd, fm] = frontMatter(lines);
  const opts = {};
  for (const kv of (split || '').split(';').filter(Boolean)) { const i = kv.indexOf('='); opts[kv.slice(0, i)] = kv.slice(i + 1).replace(/\\n/g, '\n').replace(/\\r/g, '\r'); }
  const unq = (s) => s && s.replace(/^['"]|['"]$/g, '');
  let sep = opts.separator || unq(fm.separator) || '\r?\n---\r?\n';
  let vsep = opts.verticalSeparator || unq(fm.verticalSeparator) || '\r?\n----\r?\n';
  // the YAML keeps regex escapes as written: `\n` in YAML plain scalars is backslash-n, which RegExp reads as newline
  const body = lines.map((l, i) => (i < fmEnd ? '' : l)).join('\n');
  const re = new RegExp(sep + '|' + vsep, 'mg');
  const parts = [];
  let last = 0, m;
  while ((m = re.exec(body))) { parts.push([last, m.index]); last = m.index + m[0].length; if (m[0].length === 0) re.lastIndex++; }
  parts.push([last, body.length]);
  const lineOf = (idx) => body.slice(0, idx).split('\n').length; // 1-based
  const out = [];
  for (const [a, b] of parts) {
    const raw = body.slice(a, b);
    if (!raw.trim() && out.length === 0 && a === 0) continue; // leading empty part (blanked front matter)
    let vis = raw.replace(/^\s*notes?:[\s\S]*$/im, '').replace(/<aside class="notes">[\s\S]*?<\/aside>/gi, '');
    vis = stripComments(vis);
    out.push({ start: lineOf(a), end: lineOf(b) + 1, markdown: vis, image: hasImageRe.test(raw) });
  }
  return { slides: out, note: sep !== '\r?\n---\r?\n' || vsep !== '\r?\n----\r?\n' ? 'custom separators' : '' };
}

const REMARK_PROPS = /^(name|class|layout|template|background-image|background-position|background-size|count|exclude|seal|\w[\w-]*)\s*:\s*.*$/;
function splitRemark(text, isRmd) {
  const lines = text.split('\n');
  const [fmEnd, fm] = frontMatter(lines);
  const yamlText = lines.slice(0, fmEnd).join('\n');
  const cuts = [];
  const inFence = fenceTracker();
  for (let i = fmEnd; i < lines.length; i++) {
    if (inFence(lines[i])) continue;
    if (/^---\s*$/.test(lines[i])) cuts.push(i);
  }
  const ranges = [];
  let s = fmEnd;
  for (const c of cuts) { ranges.push([s, c]); s = c + 1; }
  ranges.push([s, lines.length]);
  const out = [];
  // xaringan builds a title slide from the YAML unless seal: false
  if (isRmd && fm.title && !/seal:\s*false/.test(yamlText)) {
    const t = ['title', 'subtitle', 'author', 'institute', 'date'].map((k) => fm[k] || '').filter((v) => v && !/`r /.test(v)).join('\n\n');
    out.push({ start: 1, end: fmEnd + 1, markdown: t.replace(/<br\/?>/g, ' '), image: false, synthetic: true });
  }
  for (const [a, b] of ranges) {
    const sl = lines.slice(a, b);
    // properties: leading `key: value` lines
    let k = 0;
    const props = {};
    while (k < sl.length && REMARK_PROPS.test(sl[k]) && !/^\s*$/.test(sl[k])) { const m = sl[k].match(/^([\w-]+)\s*:\s*(.*)$/); props[m[1]] = m[2].trim(); k++; }
    if (props.exclude === 'true') continue;
    const rest = sl.slice(k).join('\n');
    const notesAt = rest.search(/^\?\?\?\s*$/m);
    let vis = notesAt >= 0 ? rest.slice(0, notesAt) : rest;
    vis = stripComments(vis).replace(/^--\s*$/gm, '').replace(/(\.[A-Za-z_][\w-]*)+\[/g, ' ');
    // knitr chunk headers: keep the code, drop the `{r opts}` header words
    vis = vis.replace(/^(```+)\s*\{[^}]*\}\s*$/gm, '$1');
    const slide = { start: a + 1, end: b + 1, markdown: vis, image: hasImageRe.test(sl.join('\n')) || !!props['background-image'] };
    if (props.layout === 'true') { slide.layoutOnly = true; }
    out.push(slide);
  }
  return { slides: out };
}

// ---------------------------------------------------------------------------------------
// Running deckc
function run(cmd, argv, cwd) {
  const t0 = Date.now();
  const r = cp.spawnSync(cmd, argv, { cwd, timeout: args.timeout * 1000, encoding: 'utf8', maxBuffer: 1 << 28, killSignal: 'SIGKILL' });
  const timedOut = r.error && r.error.code === 'ETIMEDOUT';
  const crashed = !!(r.signal || timedOut || (r.status !== null && ![0, 1, 2].includes(r.status)));
  return { status: r.status, signal: r.signal, timedOut, crashed, stdout: r.stdout || '', stderr: r.stderr || '', ms: Date.now() - t0 };
}
function pdfPages(pdf) {
  const r = cp.spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60000 });
  if (r.status !== 0) return null;
  const pages = r.stdout.split('\f');
  if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}
function pdfImagePages(pdf) {
  const r = cp.spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60000 });
  const set = new Set();
  if (r.status !== 0) return set;
  for (const l of r.stdout.split('\n').slice(2)) { const p = parseInt(l.trim().split(/\s+/)[0], 10); if (p) set.add(p); }
  return set;
}

// ---------------------------------------------------------------------------------------
// Constructs the corpus uses, for "What the corpus shows": [id, description, test on the source,
// marker in the PDF that shows it broke (or null: judged from slides/words)]
const CONSTRUCTS = [
  ['html-div', 'raw HTML <div> blocks (columns, grids, boxes)', /<div\b/i, /<\/?div\b/],
  ['html-span-style', 'inline <span style=...> / <span class=...>', /<span\b[^>]*(style|class)=/i, /<span\b/],
  ['html-img', 'HTML <img> with width/height/style', /<img\b/i, /<img\b/],
  ['style-block', '<style> blocks with deck CSS', /<style\b/i, /<style\b/],
  ['html-br', '<br> line breaks', /<br\s*\/?>/i, /<br\b/],
  ['slidev-vclick', 'Slidev <v-click>/<v-clicks> and v-click attributes', /<v-clicks?\b|v-click/, /<v-|v-click/],
  ['slidev-slots', 'Slidev ::right:: / ::left:: slot markers', /^\s*::[\w-]+::\s*$/m, /::[\w-]+::/],
  ['slidev-layout-fm', 'Slidev per-slide front matter (layout:, class:, image:)', /\n---\n(layout|class|image|transition|clicks):/, /^(layout|class|image|transition):/m],
  ['unocss-classes', 'UnoCSS/Tailwind utility classes on HTML (grid-cols-2, text-xl, …)', /class="[^"]*\b(grid|flex|text-\w+|mt-\d|p-\d|grid-cols-\d|gap-\d)\b/, null],
  ['vue-components', 'Vue components/icons (<carbon:…/>, <Tweet>, <Arrow>)', /<[A-Z][\w-]*[\s/>]|<[a-z]+:[\w-]+/, null],
  ['mustache', '{{ }} template interpolation', /\{\{[^}]*\}\}/, /\{\{/],
  ['remark-macros', 'remark .class[ … ] macros (.pull-left[, .footnote[)', /\.[a-z][\w-]*\[/, /(^|\s)\.[a-z][\w-]*\[|^\s*\]\s*$/m],
  ['remark-props', 'remark slide properties (class: center, middle / name: / layout: true)', /(^|\n---\n)(class|name|layout|template|background-image):\s/, /^(class|layout|name|template):/m],
  ['remark-notes', 'remark ??? speaker notes', /^\?\?\?\s*$/m, /\?\?\?/],
  ['remark-incremental', 'remark -- incremental reveal', /^--\s*$/m, null],
  ['rmd-chunks', 'R Markdown ```{r} code chunks (output needs knitr)', /^```+\s*\{r/m, /\{r[ ,}]/],
  ['reveal-element-comments', 'reveal <!-- .element: class="fragment" --> / <!-- .slide: -->', /<!--\s*\.(element|slide)\s*:?/, /\.(element|slide):/],
  ['reveal-custom-sep', 'reveal-md custom separators (<!--s--> / <!--v-->)', /^(separator|verticalSeparator):/m, /<!--[sv]-->/],
  ['reveal-notes', 'reveal Note: speaker notes', /^\s*notes?:/im, /^\s*notes?:/im],
  ['marp-bg', 'Marp ![bg] / ![w:300] image syntax', /!\[(bg|[^\]]*\b(w|h|width|height):\d)/, /!\[bg/],
  ['marp-directives', 'Marp <!-- _class: lead --> / <!-- paginate --> comment directives', /<!--\s*_?(class|paginate|header|footer|backgroundColor|color)\s*:/, /_class:|paginate:/],
  ['marp-heading-divider', 'Marp headingDivider (slides split at headings)', /headingDivider\s*:/, null],
  ['math', '$…$ / $$…$$ math', /\$\$[\s\S]+?\$\$|(^|[^$\\])\$[^$\s][^$\n]*\$/, /\$\$/],
  ['attr-lists', 'attribute lists {.class} / {#id}', /\{[.#][\w-]+[^}]*\}/, /\{[.#]/],
  ['containers', '::: containers', /^:::/m, /:::/],
  ['front-matter-style', 'style: | CSS in front matter', /^style:\s*\|/m, null],
  ['iframe-video', '<iframe>/<video>/<audio> embeds', /<(iframe|video|audio)\b/i, /<(iframe|video|audio)/],
  ['html-table', 'raw HTML <table>', /<table\b/i, /<table|<t[dr]\b/],
  ['code-line-highlight', 'code fences with line highlights (```ts {2,3} / [1|3-4])', /^```\w+\s*(\{[\d,\-|all]+\}|\[[\d|,\-: ]+\])/m, /^\{[\d,|-]+\}|\[\d[\d|,-]*\]/m],
  ['mermaid', 'mermaid diagrams', /```mermaid|class="mermaid"/, /graph (TD|LR)|flowchart|sequenceDiagram/],
];

// ---------------------------------------------------------------------------------------
function readSources(corpus) {
  const f = path.join(corpus, 'sources.tsv');
  const rows = fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim());
  const head = rows.shift().split('\t');
  return rows.map((r) => { const c = r.split('\t'); const o = {}; head.forEach((h, i) => (o[h] = c[i] || '')); return o; });
}
function deckFile(corpus, s) {
  const dir = path.join(corpus, s.tool, s['short-name']);
  let base = path.basename(s.path.replace(/ \(.*\)$/, ''));
  if (!fs.existsSync(path.join(dir, base))) base = fs.readdirSync(dir).find((f) => /\.(md|rmd|markdown)$/i.test(f));
  return path.join(dir, base);
}

function measureDeck(s) {
  const file = deckFile(args.corpus, s);
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const r = { src: s, file, notes: [] };
  // --- the original tool's view
  let split;
  if (s.tool === 'marp') split = splitMarp(text);
  else if (s.tool === 'slidev') split = splitSlidev(text);
  else if (s.tool === 'reveal') split = splitReveal(text, s.split);
  else split = splitRemark(text, /\.rmd$/i.test(file));
  if (split.note) r.notes.push(split.note);
  r.origSlides = split.slides.filter((x) => !x.layoutOnly).length;
  r.origBy = 'rules';
  if (s.tool === 'marp') {
    const n = marpCli(file, args.timeout * 1000);
    r.marpRules = r.origSlides;
    if (n !== null) { r.origSlides = n; r.origBy = 'marp-cli'; if (n !== r.marpRules) r.notes.push(`own split ${r.marpRules}`); }
  }
  const perSlideWords = split.slides.map((x) => words(visibleText(x.markdown)));
  const origWords = perSlideWords.flat();
  r.wordsTotal = origWords.length;
  // code text of the original, for the markup budget
  const code = codeOnly(text);
  // --- deckc
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-'));
  const cwd = path.dirname(file);
  const check = run(args.deckc, ['check', file], cwd);
  r.checkRc = check.timedOut ? 'timeout' : check.signal ? check.signal : check.status;
  const diag = check.stdout + check.stderr;
  r.errors = (diag.match(/: error: /g) || []).length;
  r.warnings = (diag.match(/: warning: /g) || []).length;
  const outline = run(args.deckc, ['outline', file, '--json'], cwd);
  let ol = null;
  try { ol = JSON.parse(outline.stdout); } catch { /* recorded below */ }
  r.podiumSlides = ol ? ol.slides.length : null;
  const pdf = path.join(tmp, 'out.pdf');
  const exp = run(args.deckc, ['export', file, '-o', pdf], cwd);
  r.crashes = [];
  for (const [name, x] of [['check', check], ['outline', outline], ['export', exp]]) {
    if (x.crashed) r.crashes.push(`${name}: ${x.timedOut ? `timeout ${args.timeout}s` : x.signal || `exit ${x.status}`}`);
    else if (x.status === 2) r.notes.push(`${name} exit 2: ${(x.stderr.split('\n').find((l) => l.trim()) || '').slice(0, 120)}`);
  }
  r.exportMs = exp.ms;
  const pages = fs.existsSync(pdf) ? pdfPages(pdf) : null;
  r.pdfPages = pages ? pages.length : null;
  r.wordsFound = 0;
  r.markupPages = 0;
  r.markupHits = {};
  r.blankPages = 0;
  r.pdfText = '';
  if (pages) {
    const pdfBag = bag(words(pages.join('\n')));
    for (const [w, n] of bag(origWords)) r.wordsFound += Math.min(n, pdfBag.get(w) || 0);
    r.pdfText = pages.join('\n\f');
    // markup shown as text, with the original's code occurrences as an allowance
    const budget = new Map();
    const countOf = (pat, str) => (pat instanceof RegExp ? (str.match(new RegExp(pat.source, pat.flags.includes('g') ? pat.flags : pat.flags + 'g')) || []).length : str.split(pat).length - 1);
    for (const [pat] of MARKUP_PATTERNS) budget.set(pat, countOf(pat, code));
    pages.forEach((pg) => {
      let bad = false;
      for (const [pat] of MARKUP_PATTERNS) {
        let n = countOf(pat, pg);
        const b = budget.get(pat);
        const used = Math.min(n, b);
        budget.set(pat, b - used);
        n -= used;
        if (n > 0) { bad = true; const key = String(pat instanceof RegExp ? pat.source : pat); r.markupHits[key] = (r.markupHits[key] || 0) + 1; }
      }
      if (bad) r.markupPages++;
    });
    // blank pages
    const imgPages = pdfImagePages(pdf);
    const origAt = (line) => split.slides.findIndex((x) => !x.synthetic && line >= x.start && line < x.end);
    pages.forEach((pg, i) => {
      if (pg.trim() !== '' || imgPages.has(i + 1)) return;
      let had = true; // unknown mapping: count it
      if (ol && ol.slides[i]) {
        const k = origAt(ol.slides[i].line);
        if (k >= 0) had = perSlideWords[k].length > 0 || split.slides[k].image;
      }
      if (had) r.blankPages++;
    });
  } else r.notes.push('no PDF');
  if (r.podiumSlides !== null && r.pdfPages !== null && r.podiumSlides !== r.pdfPages) r.notes.push(`PDF has ${r.pdfPages} pages`);
  // constructs
  r.constructs = {};
  for (const [id, , srcRe, pdfRe] of CONSTRUCTS) {
    if (!srcRe.test(text)) continue;
    let leaked = null;
    if (pdfRe && pages) {
      // a leak: the marker shows in the PDF more often than the original shows it inside code
      const g = new RegExp(pdfRe.source, pdfRe.flags.includes('g') ? pdfRe.flags : pdfRe.flags + 'g');
      leaked = (r.pdfText.match(g) || []).length > (code.match(g) || []).length;
    }
    r.constructs[id] = { leaked };
  }
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else { const k = path.join(args.keep, s.tool, s['short-name']); fs.mkdirSync(k, { recursive: true }); if (fs.existsSync(pdf)) fs.copyFileSync(pdf, path.join(k, 'out.pdf')); fs.writeFileSync(path.join(k, 'check.txt'), diag); fs.rmSync(tmp, { recursive: true, force: true }); }
  return r;
}

// ---------------------------------------------------------------------------------------
function pct(a, b) { return b ? `${((100 * a) / b).toFixed(1)} %` : '–'; }
function table(results) {
  const L = [];
  L.push('| tool | deck | lang | source | slides Podium / original | words found | markup pages | blank pages | check rc | errors | warnings | crash | notes |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const tools = [...new Set(results.map((r) => r.src.tool))];
  const totals = [];
  for (const t of tools) {
    const rs = results.filter((r) => r.src.tool === t);
    for (const r of rs) {
      const s = r.src;
      const commit = s.commit ? `@${s.commit.slice(0, 7)}` : '';
      L.push(`| ${t} | ${s['short-name']} | ${s.language} | ${s.repository}${commit} \`${s.path}\` | ${r.podiumSlides ?? '–'} / ${r.origSlides}${r.origBy === 'marp-cli' ? ' (cli)' : ''} | ${pct(r.wordsFound, r.wordsTotal)} (${r.wordsFound}/${r.wordsTotal}) | ${r.markupPages} | ${r.blankPages} | ${r.checkRc} | ${r.errors} | ${r.warnings} | ${r.crashes.length ? r.crashes.join('; ') : ''} | ${r.notes.join('; ').replace(/\|/g, '\\|')} |`);
    }
    totals.push(total(t, rs));
  }
  L.push('');
  L.push('Totals per tool:');
  L.push('');
  L.push('| tool | decks | zh decks | slides Podium / original | decks with the same count | words found | markup pages (decks) | blank pages | decks with check errors | errors | warnings | crashes |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const x of [...totals, total('all', results)]) L.push(x);
  return L.join('\n');
}
function total(name, rs) {
  const sum = (f) => rs.reduce((a, r) => a + (f(r) || 0), 0);
  return `| ${name} | ${rs.length} | ${rs.filter((r) => r.src.language === 'zh').length} | ${sum((r) => r.podiumSlides)} / ${sum((r) => r.origSlides)} | ${rs.filter((r) => r.podiumSlides === r.origSlides).length} | ${pct(sum((r) => r.wordsFound), sum((r) => r.wordsTotal))} | ${sum((r) => r.markupPages)} (${rs.filter((r) => r.markupPages > 0).length}) | ${sum((r) => r.blankPages)} | ${rs.filter((r) => r.errors > 0).length} | ${sum((r) => r.errors)} | ${sum((r) => r.warnings)} | ${sum((r) => r.crashes.length)} |`;
}
function constructTable(results) {
  const L = ['| construct | decks using it | decks where it shows as text | decks using it with a slide-count mismatch | mean words found in those decks |', '|---|---|---|---|---|'];
  const rows = CONSTRUCTS.map(([id, desc]) => {
    const using = results.filter((r) => r.constructs && r.constructs[id]);
    const leaked = using.filter((r) => r.constructs[id].leaked).length;
    const mism = using.filter((r) => r.podiumSlides !== r.origSlides).length;
    const words = using.length ? using.reduce((a, r) => a + (r.wordsTotal ? r.wordsFound / r.wordsTotal : 0), 0) / using.length : 0;
    return { id, desc, n: using.length, leaked, mism, words };
  }).sort((a, b) => b.n - a.n || b.leaked - a.leaked);
  for (const x of rows) L.push(`| ${x.desc} (\`${x.id}\`) | ${x.n} | ${x.leaked} | ${x.mism} | ${(100 * x.words).toFixed(0)} % |`);
  return L.join('\n');
}

function main() {
  let sources = readSources(args.corpus);
  if (args.only) sources = sources.filter((s) => args.only.includes(`${s.tool}/${s['short-name']}`));
  const results = [];
  for (const s of sources) {
    let r;
    try { r = measureDeck(s); } catch (e) {
      r = { src: s, origSlides: 0, podiumSlides: null, wordsFound: 0, wordsTotal: 0, markupPages: 0, blankPages: 0, checkRc: '–', errors: 0, warnings: 0, crashes: [], notes: [`measure failed: ${String(e.message).split('\n')[0]}`], constructs: {} };
    }
    process.stderr.write(`${s.tool}/${s['short-name']}: slides ${r.podiumSlides}/${r.origSlides}, words ${pct(r.wordsFound, r.wordsTotal)}, markup ${r.markupPages}, blank ${r.blankPages}, check ${r.checkRc} (${r.errors}e ${r.warnings}w)${r.crashes.length ? ' CRASH ' + r.crashes.join(';') : ''}\n`);
    delete r.pdfText;
    results.push(r);
  }
  const out = [table(results), '', 'Constructs (detected in the source; "shows as text" = its marker is in the PDF more often than inside code in the original):', '', constructTable(results), ''].join('\n');
  if (args.out) {
    fs.writeFileSync(args.out, out);
    fs.writeFileSync(args.out.replace(/\.md$/, '') + '.json', JSON.stringify(results, null, 1));
  }
  process.stdout.write(out);
}
main();
