// What the browser checks of the player share (tests/web/player_checks.js for `deckc
// serve`, tests/build/build_checks.js for `deckc build`): the picture tolerance against
// `deckc render`, waiting for the deck and for a painted frame, comparing PNGs, and the
// runner that launches Debian's Chromium and runs each check in contexts of its own.
'use strict';
const { chromium } = require('playwright-core');

// One engine, one picture: the player's screenshot and `deckc render` at 1280×720 may differ
// only by rasterization noise. The bottom 8 rows are left out: the player draws its progress
// bar there (a player overlay, not part of the slide).
const TOLERANCE = {
  ignoreBottomRows: 8,
  channelDelta: 48,     // a pixel differs when a channel is off by more than this (of 255)
  maxDifferent: 0.001,  // at most 0.1 % of the compared pixels may differ
  maxMean: 1.0,         // mean of the per-pixel largest channel difference
};

// Resolves once the deck is shown; fails at once, with the page's errors, when the page
// throws (a wasm trap) instead of waiting out the timeout.
const started = (page) => Promise.race([
  page.waitForFunction(() => document.getElementById('slide-text').textContent.length > 0, null, { timeout: 60000 }),
  new Promise((_, fail) => page.once('pageerror', (e) => fail(new Error(`the page failed: ${e.message}\n${(page.errors || []).join('\n')}`)))),
]);

// Resolves once a frame was drawn after the call and the browser painted it (or after 3 s).
const painted = (page) => page.evaluate(() => new Promise((done) => {
  const before = window.podiumModule._podium_frames_drawn();
  const poll = () => (window.podiumModule._podium_frames_drawn() > before
    ? requestAnimationFrame(() => setTimeout(done, 0)) : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
  setTimeout(done, 3000);
})).catch(() => {});

// Compares two PNGs (Buffers) in `comparer`, a blank page: {different, mean} or {size}.
function comparePngs(comparer, a, b) {
  return comparer.evaluate(async ([a64, b64, tol]) => {
    const pixels = async (b64) => {
      const image = new Image();
      image.src = 'data:image/png;base64,' + b64;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      return g.getImageData(0, 0, image.width, image.height);
    };
    const [A, B] = await Promise.all([pixels(a64), pixels(b64)]);
    if (A.width !== B.width || A.height !== B.height) return { size: `${A.width}×${A.height} vs ${B.width}×${B.height}` };
    const rows = A.height - tol.ignoreBottomRows;
    let different = 0, sum = 0;
    for (let p = 0; p < A.width * rows * 4; p += 4) {
      const d = Math.max(Math.abs(A.data[p] - B.data[p]), Math.abs(A.data[p + 1] - B.data[p + 1]), Math.abs(A.data[p + 2] - B.data[p + 2]));
      sum += d;
      if (d > tol.channelDelta) different++;
    }
    const n = A.width * rows;
    return { different: different / n, mean: sum / n };
  }, [a.toString('base64'), b.toString('base64'), TOLERANCE]);
}
const withinTolerance = (r) => r.different !== undefined && r.different <= TOLERANCE.maxDifferent && r.mean <= TOLERANCE.maxMean;
const describe = (r) => r.size || `${(r.different * 100).toFixed(3)} % pixels differ, mean ${r.mean.toFixed(2)}`;

// Launches Chromium, calls setUp(), then each check(browser, compare) with the contexts of
// the one before closed, prints ok/FAIL per check and `${title}: n passed, m failed`, calls
// tearDown() and exits 1 when a check failed.
function runChecks(title, checks, { outDir, setUp = async () => {}, tearDown = () => {} }) {
  (async () => {
    let failed = 0, passed = 0;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
    try {
      await setUp();
      const comparer = await (await browser.newContext()).newPage();
      const compare = (a, b) => comparePngs(comparer, a, b);
      for (const [name, check] of Object.entries(checks)) {
        try {
          await check(browser, compare);
          passed++;
          console.log('ok   ', name);
        } catch (e) {
          failed++;
          console.log('FAIL ', name, '\n     ', String(e.stack || e).split('\n').slice(0, 8).join('\n      '));
        }
        for (const context of browser.contexts()) if (context !== comparer.context()) await context.close();
      }
    } finally {
      await browser.close();
      tearDown();
    }
    console.log(`${title}: ${passed} passed, ${failed} failed (screenshots in ${outDir})`);
    process.exit(failed ? 1 : 0);
  })().catch((e) => { console.log('FAIL ', e.stack || e); process.exit(1); });
}

module.exports = { TOLERANCE, started, painted, withinTolerance, describe, runChecks };
