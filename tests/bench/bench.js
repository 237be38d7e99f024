// Podium's browser player next to reveal.js and Marp CLI's HTML, same decks, same browser,
// same run: time to the first slide painted, slide-switch latency, bytes, idle CPU.
//
//   tests/bench/run_bench.sh [PLAYER_DIR]      (installs reveal.js and Marp CLI, then this)
//   node tests/bench/bench.js PLAYER_DIR REVEAL_DIR MARP_BIN [--sizes 10,100,1000] [--loads 3]
//
// [SECTION] Decks: one Markdown body per size, written three ways
// [SECTION] Server: one origin, no compression, bytes counted per request
// [SECTION] Probes: what "painted" means for each player (an init script in the page)
// [SECTION] Measurements
// [SECTION] Table
//
// Method (printed under the table too):
// - Each load is a fresh browser context (empty cache), 1280×720, headless Chromium on
//   SwiftShader (no GPU), navigation → the frame that shows the first slide has been
//   committed on the main thread (a task posted from that frame's requestAnimationFrame runs).
//   "Shows the first slide": Podium — a frame drawn after the deck started (its
//   podium_frames_drawn counter); reveal.js — `.reveal.ready`; Marp — `.bespoke-marp-active`.
// - Switch latency: keydown event time → the end of the first frame showing the next slide,
//   over 30 presses of → from slide 1; median and 95th percentile.
// - Bytes: every response body of the load, raw and gzip -6 (the server sends them raw).
// - Idle: 10 s on a slide after the switches; main-thread task time (CDP Performance
//   TaskDuration) and CPU time of the renderer and GPU processes (CDP
//   SystemInfo.getProcessInfo; 10 ms ticks).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const SIZES = option('--sizes', '10,100,1000').split(',').map(Number);
const LOADS = Number(option('--loads', '3'));
// TOOLCHAIN.md's flags include --disable-gpu: the compositor then works in software and reads
// every WebGL frame back (Chromium warns "GPU stall due to ReadPixels"). --gpu-compositing
// leaves that flag out, so the compositor runs on SwiftShader too.
const at = args.indexOf('--gpu-compositing');
const GPU_COMPOSITING = at >= 0 && args.splice(at, 1).length > 0;
const SWITCHES = 30;
const IDLE_MS = 10000;
const [playerDir, revealDir, marpBin] = args.map((p) => path.resolve(p));

// [SECTION] Decks ---------------------------------------------------------------------------

// The decks' Markdown body (bench_decks.js, shared with build_bench.js).
const { body } = require('./bench_decks.js');

function makeDecks(site) {
  for (const n of SIZES) {
    const text = body(n);
    fs.writeFileSync(path.join(site, `bench-${n}.md`), `---\ntitle: Benchmark, ${n} slides\n---\n\n${text}`);
    fs.writeFileSync(path.join(site, `bench-${n}.reveal.md`), text);
    fs.writeFileSync(path.join(site, `bench-${n}.marp.md`), `---\nmarp: true\ntitle: Benchmark, ${n} slides\n---\n\n${text}`);
    const marp = spawnSync(marpBin, [path.join(site, `bench-${n}.marp.md`), '-o', path.join(site, `marp-${n}.html`)], { encoding: 'utf8' });
    if (marp.status !== 0) throw new Error('marp: ' + marp.stderr);
    fs.writeFileSync(path.join(site, `reveal-${n}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Benchmark, ${n} slides</title>
<link rel="stylesheet" href="/reveal/dist/reset.css">
<link rel="stylesheet" href="/reveal/dist/reveal.css">
<link rel="stylesheet" href="/reveal/dist/theme/white.css">
<link rel="stylesheet" href="/reveal/dist/plugin/highlight/monokai.css">
</head><body><div class="reveal"><div class="slides">
<section data-markdown="bench-${n}.reveal.md" data-separator="^\\r?\\n---\\r?\\n$"></section>
</div></div>
<script src="/reveal/dist/reveal.js"></script>
<script src="/reveal/dist/plugin/markdown.js"></script>
<script src="/reveal/dist/plugin/highlight.js"></script>
<script>Reveal.initialize({hash: true, transition: 'none', backgroundTransition: 'none',
  plugins: [RevealMarkdown, RevealHighlight]});</script>
</body></html>\n`);
  }
  fs.writeFileSync(path.join(site, 'empty.html'), '<!doctype html><html lang="en"><title>empty</title></html>\n');
}

// [SECTION] Server --------------------------------------------------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.md': 'text/markdown; charset=utf-8', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.png': 'image/png' };
const gzipSizes = new Map();
let served = [];  // {path, raw, gzip} of every response since the last reset

function startServer(site) {
  const roots = { '/podium/': playerDir, '/reveal/': revealDir, '/decks/': site };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(roots).find((p) => pathname.startsWith(p));
    const file = prefix && path.join(roots[prefix], pathname.slice(prefix.length));
    if (!file || file.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const bytes = fs.readFileSync(file);
    if (!gzipSizes.has(file)) gzipSizes.set(file, zlib.gzipSync(bytes, { level: 6 }).length);
    served.push({ path: pathname, raw: bytes.length, gzip: gzipSizes.get(file) });
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(bytes);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// [SECTION] Probes --------------------------------------------------------------------------
// Runs in every page before its own scripts. window.__bench.first: ms from navigation to the
// first slide painted; .switches: ms per key press. A frame is "done" when a task posted
// from its requestAnimationFrame callback runs: the frame has been produced by then.
const PROBE = (kind) => {
  const bench = window.__bench = { first: null, switches: [], pending: null };
  const podium = () => window.podiumModule;
  // Podium draws a change in the handler that made it (or in an animation frame): what
  // counts is whether its frame counter moved since the change, at the end of a frame. The
  // DOM players change the DOM in the key handler: what counts is whether the change was
  // there when the frame began.
  const state = {
    podium: () => (podium() ? podium()._podium_frames_drawn() : -1),
    reveal: () => (window.Reveal && Reveal.isReady && Reveal.isReady() ? Reveal.getIndices().h : -1),
    marp: () => { const a = document.querySelector('.bespoke-marp-active'); return a ? [...a.parentNode.children].indexOf(a) : -1; },
    empty: () => 0,
  }[kind];
  const afterFrame = (fn) => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0); };
  let watching = false;
  function watch() {
    if (watching) return;
    watching = true;
    const tick = () => {
      const p = bench.pending;
      if (!p) { watching = false; return; }
      const atFrameStart = state();
      afterFrame(() => {
        const shown = kind === 'podium' ? state() > p.base && p.base >= 0 : atFrameStart !== p.base && atFrameStart !== -1;
        if (bench.pending === p && shown) {
          bench.pending = null;
          p.done(performance.now());
        }
      });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  // The first slide. Podium: the first frame that ends with a frame of the deck drawn
  // (podium_start draws one at once, or asks for an animation frame); the others: the first
  // frame with the ready state. podium_start is watched from the moment page.js publishes
  // the module, so it cannot be missed.
  if (kind === 'podium') {
    let module;
    Object.defineProperty(window, 'podiumModule', {
      configurable: true,
      get: () => module,
      set: (m) => {
        module = m;
        const start = m._podium_start;
        m._podium_start = (...args) => {
          if (bench.first === null && !bench.pending) {
            bench.pending = { base: m._podium_frames_drawn(), done: (t) => { bench.first = t; } };
            watch();
          }
          return start(...args);
        };
      },
    });
  } else {
    bench.pending = { base: -1, done: (t) => { bench.first = t; } };
    watch();
  }
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight') return;
    const t0 = e.timeStamp;
    bench.pending = { base: state(), done: (t) => bench.switches.push(t - t0) };
    watch();
  }, true);
};

// [SECTION] Measurements --------------------------------------------------------------------

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

async function processCpuSeconds(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  if (process.env.BENCH_DEBUG) console.error('processes', JSON.stringify(processInfo.map((p) => [p.type, p.id, +p.cpuTime.toFixed(3)])));
  // The page's work: renderers and the GPU process. The browser process is left out: it
  // mostly serves this script's DevTools traffic.
  return processInfo.filter((p) => p.type === 'renderer' || p.type === 'GPU').reduce((sum, p) => sum + p.cpuTime, 0);
}

async function openPage(browser, kind, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(PROBE, kind);
  const page = await context.newPage();
  served = [];
  await page.goto(url);
  await page.waitForFunction(() => window.__bench && window.__bench.first !== null, null, { timeout: 120000, polling: 50 });
  return { context, page };
}

async function measure(browser, browserCdp, origin, kind, url, slides) {
  const result = { loads: [], bytes: null, switches: [], idleTaskMs: NaN, idleCpuMs: NaN, wasmFrameMs: [] };
  for (let i = 0; i < LOADS; i++) {
    const { context, page } = await openPage(browser, kind, origin + url);
    result.loads.push(await page.evaluate(() => window.__bench.first));
    await page.waitForTimeout(1500);  // late requests (fonts, plugins) still count as the load
    if (i === 0) {
      result.bytes = { raw: served.reduce((s, r) => s + r.raw, 0), gzip: served.reduce((s, r) => s + r.gzip, 0), requests: served.length };
    }
    if (i === LOADS - 1) {
      if (slides > 1) {
        for (let k = 0; k < SWITCHES; k++) {
          if (k > 0 && k % (slides - 1) === 0) {  // at the last slide: back to the first, unmeasured
            await page.keyboard.press('Home');
            await page.waitForTimeout(300);
          }
          await page.keyboard.press('ArrowRight');
          await page.waitForFunction((n) => window.__bench.switches.length >= n, k + 1, { timeout: 10000, polling: 10 })
            .catch(async (e) => { throw new Error(`${kind}: switch ${k + 1} not seen: ${JSON.stringify(await page.evaluate(() => window.__bench))}`); });
          if (kind === 'podium') result.wasmFrameMs.push(await page.evaluate(() => window.podiumModule._podium_last_frame_ms()));
          await page.waitForTimeout(60);
        }
        result.switches = await page.evaluate(() => window.__bench.switches);
        if (process.env.BENCH_DEBUG) console.error(kind, JSON.stringify(result.switches.map((x) => Math.round(x))), JSON.stringify(result.wasmFrameMs.map((x) => +x.toFixed(1))));
      }
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      if (process.env.BENCH_PROFILE === kind) {
        await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
        await page.waitForTimeout(3000);
        const { profile } = await cdp.send('Profiler.stop');
        const self = {};
        const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self[k] = (self[k] || 0) + (dt[i] || 0) / 1000; });
        console.error(Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 12));
      }
      const [m0, cpu0] = [await metrics(), await processCpuSeconds(browserCdp)];
      await page.waitForTimeout(IDLE_MS);
      const [m1, cpu1] = [await metrics(), await processCpuSeconds(browserCdp)];
      if (process.env.BENCH_DEBUG) {
        console.error(kind, 'idle deltas', JSON.stringify(Object.fromEntries(Object.keys(m1).filter((k) => m1[k] !== m0[k]).map((k) => [k, +(m1[k] - m0[k]).toFixed(3)]))));
      }
      result.idleTaskMs = (m1.TaskDuration - m0.TaskDuration) * 1000;
      result.idleCpuMs = (cpu1 - cpu0) * 1000;
    }
    await context.close();
  }
  return result;
}

// [SECTION] Table ---------------------------------------------------------------------------

const kb = (n) => (n / 1024).toFixed(n < 10240 ? 1 : 0) + ' KB';
const ms = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

(async () => {
  const loadBefore = os.loadavg()[0];
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-bench-'));
  makeDecks(site);
  const server = await startServer(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const flags = ['--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
                 '--disable-background-networking', '--disable-component-update'].filter((f) => !GPU_COMPOSITING || f !== '--disable-gpu');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  const browserCdp = await browser.newBrowserCDPSession();
  const version = browser.version();
  const rows = [];
  const players = [
    ['Podium', 'podium', (n) => `/podium/index.html?deck=/decks/bench-${n}.md`],
    ['reveal.js', 'reveal', (n) => `/decks/reveal-${n}.html`],
    ['Marp CLI', 'marp', (n) => `/decks/marp-${n}.html`],
  ];
  // Warm-up, not measured: the GPU process and the first WebGL context start here, not in
  // whichever player happens to be measured first.
  for (const [, kind, url] of players) await (await openPage(browser, kind, origin + url(SIZES[0]))).context.close();
  for (const n of SIZES) {
    for (const [name, kind, url] of players) {
      process.stderr.write(`bench: ${name}, ${n} slides…\n`);
      const r = await measure(browser, browserCdp, origin, kind, url(n), n);
      rows.push({ name, n, ...r });
    }
  }
  process.stderr.write('bench: an empty page (idle baseline)…\n');
  const empty = await measure(browser, browserCdp, origin, 'empty', '/decks/empty.html', 0);
  await browser.close();
  server.close();
  fs.rmSync(site, { recursive: true, force: true });

  const lines = [];
  lines.push('| Player | Slides | First slide painted, ms (median of ' + LOADS + ') | Switch, ms: median / p95 / max | Bytes raw | Bytes gzip | Requests | Idle 10 s: main thread, ms | Idle 10 s: renderer + GPU CPU, ms |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.n} | ${ms(median(r.loads))} | ${ms(median(r.switches), 1)} / ${ms(percentile(r.switches, 0.95), 1)} / ${ms(Math.max(...r.switches), 1)} | ${kb(r.bytes.raw)} | ${kb(r.bytes.gzip)} | ${r.bytes.requests} | ${ms(r.idleTaskMs, 1)} | ${ms(r.idleCpuMs)} |`);
  }
  lines.push(`| empty page | – | ${ms(median(empty.loads))} | – | ${kb(empty.bytes.raw)} | ${kb(empty.bytes.gzip)} | ${empty.bytes.requests} | ${ms(empty.idleTaskMs, 1)} | ${ms(empty.idleCpuMs)} |`);
  console.log(lines.join('\n'));
  const podiumFrames = rows.filter((r) => r.name === 'Podium').map((r) => `${r.n}: ${ms(median(r.wasmFrameMs), 2)} ms`).join(', ');
  console.log(`\nPodium's own frame time in the wasm after a switch (median): ${podiumFrames}.`);
  console.log(`Chromium ${version} headless, SwiftShader, ${GPU_COMPOSITING ? 'GPU compositing (no --disable-gpu)' : '--disable-gpu (software compositing)'}, ` +
              `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ` +
              `${new Date().toISOString().slice(0, 10)}; ${SWITCHES} switches per deck; loads are cold (a new context each); ` +
              `load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0].toFixed(1)} after.`);
})().catch((e) => { console.error(e); process.exit(1); });
