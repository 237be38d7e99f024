// What `deckc build` writes, opened in headless Chromium (Debian's, SwiftShader): issue #5's
// end-to-end checks.
//
//   node tests/build/build_checks.js DECKC PLAYER_DIR OUT_DIR     (run_build_checks.sh)
//
//   - the Chinese showcase deck built to one file, copied to another folder, opened from
//     file:// with the network off: every request that is not the file itself is aborted and
//     counted (none may happen), every slide matches `deckc render` (the tolerance of
//     tests/web/page_checks.js), keys move through the deck and the URL's hash follows
//   - a deck whose image is missing: one file that shows the placeholder, as deckc draws it
//   - `-o site/`: the folder served by a plain static server shows the deck
//
// Screenshots and the PNGs they were compared with are left in OUT_DIR.
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { started, painted, withinTolerance, describe, runChecks } = require('../web/page_checks');

const [deckc, playerDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const repo = path.resolve(__dirname, '../..');
fs.mkdirSync(outDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-build-checks-'));

// [SECTION] Helpers -----------------------------------------------------------------------
function run(args) {
  const r = spawnSync(deckc, args, { encoding: 'utf8' });
  if (r.status !== 0 && !(args[0] === 'render' && r.status === 1)) {
    throw new Error(`deckc ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  }
  return r;
}
const build = (deck, output) => run(['build', deck, '-o', output, '--player', playerDir]);
function render(deck, folder) {
  run(['render', deck, '-o', folder, '--size', '1280x720']);
  return (slide) => fs.readFileSync(path.join(folder, `slide-${String(slide).padStart(3, '0')}.png`));
}

const state = (page) => page.evaluate(() => {
  const M = window.podiumModule;
  return { slide: M._podium_current_slide(), step: M._podium_current_step(), hash: location.hash };
});
// A page whose every request is watched: `outside` lists requests that left the allowed
// origin (aborted), `failed` the responses ≥ 400.
async function open(browser, url, { allowed, offline }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline });
  const page = await context.newPage();
  Object.assign(page, { outside: [], failed: [], warnings: [], errors: [] });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (allowed(u)) return route.continue();
    page.outside.push(u);
    return route.abort();
  });
  page.on('requestfailed', (r) => { if (allowed(r.url())) page.failed.push(`${r.failure().errorText} ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) page.failed.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => {
    if (/GPU stall/.test(m.text())) return;
    if (m.type() === 'warning') page.warnings.push(m.text());
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.goto(url);
  await started(page);
  return page;
}

const isFile = (u) => u.startsWith('file://');

// [SECTION] Checks ------------------------------------------------------------------------
const checks = {
  async 'the showcase deck as one file, copied elsewhere, presents from file:// offline'(browser, compare) {
    const deck = path.join(repo, 'decks/zh-tech-talk.md');
    const built = path.join(work, 'built', 'talk.html');
    fs.mkdirSync(path.dirname(built));
    const out = build(deck, built);
    console.log('      ' + out.stdout.trim());
    const size = fs.statSync(built).size;
    assert.ok(size < 1.5e6, `${size} bytes: over 1.5 MB`);
    const copy = path.join(work, 'elsewhere', 'my talk.html');
    fs.mkdirSync(path.dirname(copy));
    fs.copyFileSync(built, copy);
    fs.rmSync(path.dirname(built), { recursive: true });

    const reference = render(deck, path.join(outDir, 'zh-tech-talk-deckc'));
    const count = fs.readdirSync(path.join(outDir, 'zh-tech-talk-deckc')).length;
    const page = await open(browser, 'file://' + copy, { allowed: isFile, offline: true });
    assert.equal(await page.title(), '被看见的工程师：用分享建立技术影响力');
    // The URL names the deck, as a served deck's does: the presenter window opens it.
    assert.equal(new URL(page.url()).searchParams.get('deck'), 'zh-tech-talk.md');
    await painted(page);
    const first = await page.screenshot();
    fs.writeFileSync(path.join(outDir, 'one-file-001.png'), first);
    const r1 = await compare(first, reference(1));
    assert.ok(withinTolerance(r1), 'slide 1 against deckc render: ' + describe(r1));

    // Keys: → moves a step or a slide and the hash follows; End, Home; digits + Enter.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/2');
    assert.deepEqual(await state(page), { slide: 1, step: 0, hash: '#/2' });
    await page.keyboard.press('End');
    await page.waitForFunction((n) => location.hash.startsWith(`#/${n}`), count);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => location.hash === '#/1');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/3');
    assert.equal((await state(page)).slide, 2);

    // Every slide, every step shown: the subset fonts draw what the full fonts draw.
    const wrong = [];
    let worst = { different: 0, mean: 0 };
    for (let slide = 1; slide <= count; slide++) {
      const drawn = painted(page);
      await page.evaluate((s) => { location.hash = `#/${s}.99`; }, slide);
      await drawn;
      const shot = await page.screenshot();
      fs.writeFileSync(path.join(outDir, `one-file-${String(slide).padStart(3, '0')}.png`), shot);
      const r = await compare(shot, reference(slide));
      if (!withinTolerance(r)) wrong.push(`slide ${slide}: ${describe(r)}`);
      else if (r.different > worst.different) worst = r;
    }
    console.log(`      (${count} slides; ${(size / 1024).toFixed(0)} KB; the largest difference: ${describe(worst)})`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(page.outside, [], 'requests that left the file');
    assert.deepEqual(page.failed, [], 'failed requests');
    assert.deepEqual(page.errors, [], 'console errors');
  },

  async 'a missing image: the one file shows the placeholder, as deckc render does'(browser, compare) {
    const folder = path.join(work, 'images');
    fs.mkdirSync(folder);
    fs.cpSync(path.join(repo, 'tests/web/fixtures/images.md'), path.join(folder, 'images.md'));
    fs.cpSync(path.join(repo, 'decks/images'), path.join(folder, 'images'), { recursive: true });
    const built = path.join(work, 'images.html');
    const out = build(path.join(folder, 'images.md'), built);
    assert.match(out.stderr, /images\.md:10:\d+: error: image 'images\/missing\.png' not found/);
    assert.match(out.stderr, /warning: built with 1 problem/);
    const page = await open(browser, 'file://' + built, { allowed: isFile, offline: true });
    await painted(page);
    assert.ok(page.warnings.some((w) => /images\.md:10:\d+: error: image 'images\/missing\.png' not found/.test(w)),
              page.warnings.join('\n'));
    const shot = await page.screenshot();
    fs.writeFileSync(path.join(outDir, 'placeholder-one-file.png'), shot);
    const reference = render(path.join(folder, 'images.md'), path.join(outDir, 'placeholder-deckc'));
    const r = await compare(shot, reference(1));
    assert.ok(withinTolerance(r), 'against deckc render: ' + describe(r));
    assert.deepEqual(page.outside, [], 'requests that left the file');
  },

  async '-o site/: the folder served by a plain static server'(browser, compare) {
    const site = path.join(work, 'site') + '/';
    build(path.join(repo, 'decks/zh-tech-talk.md'), site);
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
    const server = http.createServer((req, res) => {
      const file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
      if (!file.startsWith(site) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${server.address().port}`;
    try {
      const page = await open(browser, origin + '/', { allowed: (u) => u.startsWith(origin + '/'), offline: false });
      await painted(page);
      const shot = await page.screenshot();
      fs.writeFileSync(path.join(outDir, 'site-001.png'), shot);
      const r = await compare(shot, render(path.join(repo, 'decks/zh-tech-talk.md'), path.join(outDir, 'site-deckc'))(1));
      assert.ok(withinTolerance(r), 'against deckc render: ' + describe(r));
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash === '#/2');
      assert.deepEqual(page.outside, [], 'requests to other origins');
      assert.deepEqual(page.failed, [], 'failed requests');
    } finally {
      server.close();
    }
  },
};

runChecks('deckc build in Chromium', checks, {
  outDir,
  tearDown: () => fs.rmSync(work, { recursive: true, force: true }),
});
