// The browser player served by `deckc serve`, in headless Chromium (Debian's, SwiftShader):
// the end-to-end checks that web/tests/player_e2e.js leaves out.
//
//   node tests/web/player_checks.js DECKC PLAYER_DIR OUT_DIR     (run_player_checks.sh)
//
//   - the Chinese showcase deck, every slide, matches `deckc render` (tolerance: page_checks.js)
//   - a missing image shows its placeholder (and the picture still matches deckc's)
//   - a dropped .md with its image opens
//   - a slide switch makes no synchronous WebGL call (none waits for the GPU process)
//   - idle for 5 s: no frame drawn, next to no main-thread time
//   - saving the deck reloads the page once, at the same slide and step; a slide inserted
//     before it keeps the speaker on their slide
//   - `chromium --headless --screenshot --virtual-time-budget` of the served deck finishes
//     (a change channel held open had stopped virtual time: it never did)
//
// Screenshots and the PNGs they were compared with are left in OUT_DIR.
'use strict';
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { started, painted, withinTolerance, describe, runChecks } = require('./page_checks');

const [deckc, playerDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const repo = path.resolve(__dirname, '../..');
fs.mkdirSync(outDir, { recursive: true });

const IDLE_TASK_SECONDS = 0.05;  // main-thread task time allowed over 5 idle seconds

// [SECTION] The site: a copy of the showcase deck and the images fixture ------------------
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-player-checks-'));
fs.cpSync(path.join(repo, 'decks/zh-tech-talk.md'), path.join(site, 'zh-tech-talk.md'));
fs.cpSync(path.join(repo, 'decks/images'), path.join(site, 'images'), { recursive: true });
fs.cpSync(path.join(__dirname, 'fixtures/images.md'), path.join(site, 'images-fixture.md'));
const deckPath = path.join(site, 'zh-tech-talk.md');

// `deckc render` at 1280×720; exit status 1 (the deck has errors, e.g. a missing image) is fine.
function render(deck, folder) {
  const run = spawnSync(deckc, ['render', deck, '-o', folder, '--size', '1280x720'], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`deckc render ${deck}: ${run.stderr}`);
}
const reference = (folder, slide) => fs.readFileSync(path.join(folder, `slide-${String(slide).padStart(3, '0')}.png`));

function serve() {
  return new Promise((resolve, reject) => {
    const child = spawn(deckc, ['serve', deckPath, '--port', '0', '--player', playerDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)(\/\S+)/.exec(out);
      if (m) resolve({ child, origin: m[1], url: m[1] + m[2], log: () => err });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', () => reject(new Error('deckc serve exited: ' + err)));
  });
}

// [SECTION] Helpers -----------------------------------------------------------------------
const state = (page) => page.evaluate(() => {
  const M = window.podiumModule;
  return { slide: M._podium_current_slide(), step: M._podium_current_step(), frames: M._podium_frames_drawn(), hash: location.hash };
});
async function open(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.warnings = [];
  page.errors = [];
  page.failed = [];
  page.on('console', (m) => {
    if (/GPU stall/.test(m.text())) return;
    if (m.type() === 'warning') page.warnings.push(m.text());
    if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('response', (r) => { if (r.status() >= 400) page.failed.push(`${r.status()} ${r.url()}`); });
  if (url) {
    await page.goto(url);
    await started(page);
  }
  return page;
}

// [SECTION] Checks ------------------------------------------------------------------------
let server;
const checks = {
  async 'the Chinese showcase deck matches deckc render, every slide'(browser, compare) {
    const pngs = path.join(outDir, 'zh-tech-talk-deckc');
    render(deckPath, pngs);
    const count = fs.readdirSync(pngs).filter((f) => f.endsWith('.png')).length;
    const page = await open(browser, server.url);
    assert.equal(await page.title(), '被看见的工程师：用分享建立技术影响力');
    const wrong = [];
    let worst = { different: 0, mean: 0 };
    for (let slide = 1; slide <= count; slide++) {
      const drawn = painted(page);
      await page.evaluate((s) => { location.hash = `#/${s}.99`; }, slide);  // every step shown
      await drawn;
      const shot = await page.screenshot();
      fs.writeFileSync(path.join(outDir, `zh-tech-talk-web-${String(slide).padStart(3, '0')}.png`), shot);
      const r = await compare(shot, reference(pngs, slide));
      if (!withinTolerance(r)) wrong.push(`slide ${slide}: ${describe(r)}`);
      else if (r.different > worst.different) worst = r;
    }
    console.log(`      (${count} slides; the largest difference: ${describe(worst)})`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(page.failed, [], 'failed requests');
  },

  async 'a missing image shows its placeholder'(browser, compare) {
    const page = await open(browser, `${server.origin}/player/index.html?deck=/deck/images-fixture.md`);
    await page.waitForTimeout(200);
    assert.ok(page.warnings.some((w) => /images-fixture\.md:10:\d+: error: image 'images\/missing\.png' not found/.test(w)),
              page.warnings.join('\n'));
    const shot = await page.screenshot();
    fs.writeFileSync(path.join(outDir, 'placeholder-web.png'), shot);
    const pngs = path.join(outDir, 'placeholder-deckc');
    render(path.join(site, 'images-fixture.md'), pngs);
    const same = await compare(shot, reference(pngs, 1));
    assert.ok(withinTolerance(same), 'against deckc render: ' + describe(same));
    // The same deck without the missing image: the placeholder is what differs.
    const without = path.join(site, 'no-placeholder.md');
    fs.writeFileSync(without, fs.readFileSync(path.join(site, 'images-fixture.md'), 'utf8').replace(' ![w:360](images/missing.png)', ''));
    render(without, path.join(outDir, 'no-placeholder-deckc'));
    const diff = await compare(shot, reference(path.join(outDir, 'no-placeholder-deckc'), 1));
    assert.ok(diff.different > 0.005, 'no placeholder drawn: ' + describe(diff));
  },

  async 'a dropped .md with its image opens'(browser, compare) {
    const page = await open(browser);
    await page.goto(`${server.origin}/player/index.html`);
    await page.waitForSelector('#start:not([hidden])');
    const files = [
      ['images-fixture.md', 'text/markdown', fs.readFileSync(path.join(site, 'images-fixture.md'))],
      ['logo.png', 'image/png', fs.readFileSync(path.join(site, 'images/logo.png'))],
    ].map(([name, type, bytes]) => [name, type, bytes.toString('base64')]);
    const dataTransfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const [name, type, b64] of files) {
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type }));
      }
      return dt;
    }, files);
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer });
    await started(page);
    assert.equal(await page.title(), 'Images fixture');
    await page.waitForTimeout(200);
    // The .md beside its image: the image is found by name, the missing one is still missing.
    assert.ok(!page.warnings.some((w) => /logo\.png/.test(w)), page.warnings.join('\n'));
    assert.ok(page.warnings.some((w) => /missing\.png/.test(w)), page.warnings.join('\n'));
    const shot = await page.screenshot();
    fs.writeFileSync(path.join(outDir, 'dropped-web.png'), shot);
    const r = await compare(shot, reference(path.join(outDir, 'placeholder-deckc'), 1));
    assert.ok(withinTolerance(r), 'against deckc render: ' + describe(r));
  },

  async 'the next slide\'s glyphs are rasterized while idle, not in the switch'(browser, compare) {
    // Slide 3 to slide 4 of the showcase deck: other words, other Chinese characters.
    const page = await open(browser, server.url + '#/3.99');
    const measure = () => page.evaluate(() => ({
      warmed: window.podiumModule._podium_glyphs_warmed(),
      frameUploaded: window.podiumModule._podium_last_frame_uploaded_bytes(),
    }));
    // The warm-up runs 40 ms after the first frame; on a loaded machine (ctest -j) that
    // frame can come late, so wait for the warm-up itself rather than a fixed time.
    await page.waitForFunction(() => window.podiumModule._podium_glyphs_warmed() > 0, null,
                               { timeout: 15000, polling: 50 }).catch(() => {});
    const before = await measure();
    assert.ok(before.warmed > 0, 'no glyph rasterized ahead of need');
    const drawn = painted(page);
    await page.keyboard.press('ArrowRight');
    await drawn;
    assert.equal((await state(page)).slide, 3);
    const after = await measure();
    console.log(`      (${before.warmed} glyphs warmed; the switch's frame uploaded ${after.frameUploaded} bytes)`);
    assert.equal(after.frameUploaded, 0, 'the switch to the warmed slide uploaded texture rows');
    const shot = await page.screenshot();
    const pngs = path.join(outDir, 'zh-tech-talk-deckc');
    if (fs.existsSync(pngs)) {
      const r = await compare(shot, reference(pngs, 4));
      assert.ok(withinTolerance(r), 'slide 4 drawn from the warm atlas, against deckc render: ' + describe(r));
    }
  },

  async 'a slide switch asks WebGL nothing it must fetch from the GPU process'(browser, compare) {
    // Each of these waits for the GPU process to finish its queue (Chromium keeps no copy of
    // them in the page): 3–5 ms of every frame on SwiftShader, before web/gl_state_shadow.cpp.
    const page = await open(browser);
    await page.addInitScript(() => {
      const synchronous = ['SCISSOR_BOX', 'BLEND_SRC_RGB', 'BLEND_DST_RGB', 'BLEND_SRC_ALPHA', 'BLEND_DST_ALPHA',
                           'BLEND_EQUATION_RGB', 'BLEND_EQUATION_ALPHA'].map((n) => WebGL2RenderingContext[n]);
      const calls = window.__glRoundTrips = [];
      const proto = WebGL2RenderingContext.prototype;
      const getParameter = proto.getParameter;
      proto.getParameter = function (name) {
        if (synchronous.includes(name)) calls.push('getParameter 0x' + name.toString(16));
        return getParameter.call(this, name);
      };
      for (const name of ['getError', 'finish', 'readPixels', 'getShaderParameter', 'getProgramParameter']) {
        const f = proto[name];
        proto[name] = function (...args) { calls.push(name); return f.apply(this, args); };
      }
    });
    await page.goto(server.url + '#/2');
    await started(page);
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => window.__glRoundTrips.length);
    for (let i = 0; i < 3; i++) {
      const drawn = painted(page);
      await page.keyboard.press('ArrowRight');
      await drawn;
    }
    assert.equal((await state(page)).slide, 4);
    const during = await page.evaluate((n) => window.__glRoundTrips.slice(n), before);
    console.log(`      (${before} round trips while the page started, ${during.length} in 3 switches)`);
    assert.deepEqual(during, []);
  },

  async 'idle for 5 s: no frame drawn, next to no CPU'(browser, compare) {
    const page = await open(browser, server.url + '#/9');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    await page.waitForTimeout(500);
    const before = { frames: (await state(page)).frames, task: await taskSeconds() };
    await page.waitForTimeout(5000);
    const after = { frames: (await state(page)).frames, task: await taskSeconds() };
    const task = after.task - before.task;
    console.log(`      (5 s idle: ${after.frames - before.frames} frames, ${(task * 1000).toFixed(1)} ms of main-thread tasks)`);
    assert.equal(after.frames, before.frames, 'frames drawn while idle');
    assert.ok(task < IDLE_TASK_SECONDS, `main-thread tasks ${task.toFixed(3)} s while idle`);
  },

  async 'saving the deck reloads the page once, at the same slide and step'(browser, compare) {
    const page = await open(browser, server.url + '#/6.2');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
    assert.deepEqual(await state(page).then(({ slide, step, hash }) => [slide, step, hash]), [5, 2, '#/6.3']);
    let loads = 0;
    page.on('load', () => loads++);
    const saved = Date.now();
    const text = fs.readFileSync(deckPath, 'utf8');
    assert.ok(text.includes('# 演讲：一级一级往上走'));
    fs.writeFileSync(deckPath, text.replace('# 演讲：一级一级往上走', '# 演讲：一级一级往上走（改过）'));
    await page.waitForFunction(() => /改过/.test(document.getElementById('slide-text').textContent), null, { timeout: 10000 });
    console.log(`      (the edited slide shown ${Date.now() - saved} ms after the save)`);
    await page.waitForTimeout(1200);
    assert.equal(loads, 1, 'page loads after one save');
    assert.deepEqual(await state(page).then(({ slide, step, hash }) => [slide, step, hash]), [5, 2, '#/6.3']);
    fs.writeFileSync(path.join(outDir, 'reloaded-web.png'), await page.screenshot());

    // A slide inserted before the one shown: the speaker stays on their slide, now the 7th.
    const edited = fs.readFileSync(deckPath, 'utf8');
    fs.writeFileSync(deckPath, edited.replace('# 演讲：一级一级往上走（改过）',
                                              '# 新插入的一页\n\n---\n\n# 演讲：一级一级往上走（改过）'));
    await page.waitForFunction(() => location.hash === '#/7.3', null, { timeout: 10000 });
    assert.deepEqual(await state(page).then(({ slide, step, hash }) => [slide, step, hash]), [6, 2, '#/7.3']);
    assert.match(await page.textContent('#slide-text'), /改过/);
    assert.equal(loads, 2, 'page loads after two saves');
  },
};

checks['a --virtual-time-budget screenshot of the served deck finishes'] = async () => {
  const shot = path.join(outDir, 'virtual-time.png');
  fs.rmSync(shot, { force: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-vt-'));
  const started = Date.now();
  const run = spawnSync('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader',
    `--user-data-dir=${profile}`, '--window-size=1280,720', '--virtual-time-budget=3000',
    `--screenshot=${shot}`, server.url + '#/3'], { encoding: 'utf8', timeout: 60000 });
  fs.rmSync(profile, { recursive: true, force: true });
  assert.ok(run.error === undefined, `chromium did not finish in 60 s: ${run.error}`);
  assert.ok(fs.existsSync(shot) && fs.statSync(shot).size > 10000, 'a screenshot of the slide');
  console.log(`      (screenshot written in ${Date.now() - started} ms)`);
};

runChecks('player in Chromium', checks, {
  outDir,
  setUp: async () => { server = await serve(); },
  tearDown: () => {
    if (server) server.child.kill('SIGINT');
    fs.rmSync(site, { recursive: true, force: true });
  },
});
