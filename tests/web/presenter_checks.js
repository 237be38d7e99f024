// The browser presenter view in headless Chromium (run by run_presenter_checks.sh, which
// serves the player at /player/, decks/ at /decks/, tests/web/fixtures at /fixtures/ and
// web/tests/fixtures at /e2e-fixtures/).
//
// Each check is one async function; a failed assertion stops it with its message. State is
// read through the test exports of web/bridge.cpp (podium_current_slide, podium_view, …).
// Screenshots of the presenter view are left in OUT_DIR (argv[3]).
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { chromium } = require('playwright-core');

const origin = process.argv[2];
const outDir = process.argv[3];
const player = `${origin}/player/index.html`;
const fixture = `${player}?deck=../fixtures/presenter.md`;
const presenterUrl = `${fixture}&view=presenter`;

// PresenterHit values (engine/present/presenter_view.h).
const HIT = { notesSmaller: 1, notesLarger: 2, timerToggle: 3, timerReset: 4, nextPreview: 5 };
// TimerState values (engine/present/session.h).
const TIMER = { idle: 0, running: 1, paused: 2 };

const started = (page) => page.waitForFunction(
  () => document.getElementById('slide-text').textContent.length > 0, null, { timeout: 60000 });
const state = (page) => page.evaluate(() => {
  const M = window.podiumModule;
  return { slide: M._podium_current_slide(), step: M._podium_current_step(),
           mode: M._podium_current_mode(), view: M._podium_view(),
           timer: M._podium_timer_state(), elapsed: M._podium_timer_elapsed(),
           frames: M._podium_frames_drawn(), notesScale: M._podium_notes_scale() };
});
// Waits until `page` shows slide/step (and mode, when given), or fails saying what it shows.
async function follows(page, slide, step, mode) {
  try {
    await page.waitForFunction(([slide, step, mode]) => {
      const M = window.podiumModule;
      return M._podium_current_slide() === slide && M._podium_current_step() === step &&
             (mode === undefined || M._podium_current_mode() === mode);
    }, [slide, step, mode], { timeout: 3000 });
  } catch (e) {
    const s = await state(page);
    assert.fail(`expected slide ${slide} step ${step}${mode === undefined ? '' : ' mode ' + mode}, ` +
                `the window shows slide ${s.slide} step ${s.step} mode ${s.mode}`);
  }
}
async function press(page, key) {
  await page.keyboard.press(key);
  await page.waitForTimeout(60);
}
// The centre of a region of the presenter view, CSS pixels.
const centreOf = (page, hit) => page.evaluate((hit) => {
  const M = window.podiumModule;
  const r = [0, 1, 2, 3].map((edge) => M._podium_presenter_region(hit, edge));
  return { x: (r[0] + r[2]) / 2, y: (r[1] + r[3]) / 2, width: r[2] - r[0] };
}, hit);
async function open(browser, url, options = {}) {
  const context = options.context ||
    await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  watch(page);
  await page.goto(url);
  await started(page);
  return page;
}
function watch(page) {
  page.warnings = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'warning' && !/GPU stall/.test(m.text())) page.warnings.push(m.text()); });
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
}
// S in the audience window, and the presenter window it opens.
async function openPresenter(audience) {
  const popup = audience.waitForEvent('popup', { timeout: 10000 });
  await audience.keyboard.press('s');
  const presenter = await popup;
  watch(presenter);
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await presenter.waitForURL(/view=presenter/, { timeout: 10000 });
  await started(presenter);
  return presenter;
}

const checks = {
  async 'S opens the presenter window; each window follows the other'(browser) {
    const audience = await open(browser, fixture);
    const presenter = await openPresenter(audience);
    assert.equal((await state(presenter)).view, 1);
    assert.equal((await state(audience)).view, 0);
    assert.equal(await audience.title(), 'Presenter fixture');
    assert.equal(await presenter.title(), 'Presenter fixture · Presenter');

    await press(presenter, 'ArrowRight');  // slide 2, the timer starts
    await press(presenter, 'ArrowRight');  // slide 2, step 2
    await follows(audience, 1, 1);
    assert.equal((await state(audience)).timer, TIMER.running);
    assert.match(audience.url(), /#\/2\.2$/);

    await press(audience, 'ArrowRight');
    await follows(presenter, 1, 2);
    await press(audience, 'End');
    await follows(presenter, 3, 0);

    // Go-to-slide, black and white screens and the overview typed in the presenter window
    // act on the audience's screen.
    await presenter.keyboard.type('2');
    await press(presenter, 'Enter');
    await follows(audience, 1, 0);
    await press(presenter, 'b');
    await follows(audience, 1, 0, 2);
    await press(presenter, 'w');
    await follows(audience, 1, 0, 3);
    await press(presenter, 'o');
    await follows(audience, 1, 0, 1);
    await press(presenter, 'ArrowRight');  // the overview cursor, then open that slide
    await press(presenter, 'Enter');
    await follows(audience, 2, 0, 0);

    // A click on the next-slide preview is Next, in both windows.
    await presenter.waitForTimeout(100);
    const next = await centreOf(presenter, HIT.nextPreview);
    assert.ok(next.width > 0, 'no next-slide preview');
    await presenter.mouse.click(next.x, next.y);
    await follows(audience, 3, 0);

    // S again brings the open presenter window forward: no second window, no reload.
    const pages = audience.context().pages().length;
    const frames = (await state(presenter)).frames;
    await press(audience, 's');
    await audience.waitForTimeout(300);
    assert.equal(audience.context().pages().length, pages);
    assert.ok((await state(presenter)).frames >= frames);
    assert.equal((await state(presenter)).slide, 3);
    assert.deepEqual(presenter.warnings, []);
    assert.deepEqual(audience.warnings, []);
  },

  async 'a presenter window closed and reopened picks the state up'(browser) {
    const audience = await open(browser, fixture);
    let presenter = await openPresenter(audience);
    await press(presenter, 'ArrowRight');
    await press(presenter, 'ArrowRight');
    await follows(audience, 1, 1);
    await presenter.close();
    await press(audience, 'ArrowRight');  // moves while the presenter window is closed
    await audience.waitForTimeout(1000);
    presenter = await openPresenter(audience);
    await follows(presenter, 1, 2);
    const [a, p] = [await state(audience), await state(presenter)];
    assert.equal(p.timer, TIMER.running);
    assert.ok(Math.abs(a.elapsed - p.elapsed) < 0.5, `audience ${a.elapsed} s, presenter ${p.elapsed} s`);
  },

  async 'a reload of the audience window brings back slide, step and timer'(browser) {
    const audience = await open(browser, fixture);
    const presenter = await openPresenter(audience);
    await press(presenter, 'ArrowRight');
    await press(presenter, 'ArrowRight');
    await follows(audience, 1, 1);
    await audience.waitForTimeout(2000);
    await audience.reload();
    await started(audience);
    await audience.waitForTimeout(300);
    const [a, p] = [await state(audience), await state(presenter)];
    assert.deepEqual([a.slide, a.step, a.timer], [1, 1, TIMER.running]);
    assert.ok(p.elapsed > 2, `presenter timer ${p.elapsed} s`);
    assert.ok(Math.abs(a.elapsed - p.elapsed) < 1, `audience ${a.elapsed} s, presenter ${p.elapsed} s`);
  },

  async 'a crashed tab comes back from storage with the time that ran while it was away'(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    let page = await open(browser, presenterUrl, { context });  // one window, no channel peer
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');  // slide 2, step 3
    const before = await state(page);
    const t0 = Date.now();
    // As after a crash, the save on pagehide never happens (CDP's Page.crash takes the whole
    // headless browser down): what comes back is what was stored when the talk last changed.
    await page.evaluate(() => { window.podiumModule._podium_save = () => {}; });
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    page = await open(browser, presenterUrl.replace(/#.*$/, ''), { context });
    await page.waitForTimeout(200);
    const after = await state(page);
    const truth = before.elapsed + (Date.now() - t0) / 1000;
    assert.deepEqual([after.slide, after.step, after.timer, after.view], [1, 2, TIMER.running, 1]);
    assert.ok(Math.abs(after.elapsed - truth) < 1, `restored ${after.elapsed} s, truth ${truth} s`);
    // A paused timer comes back paused, at the same second.
    await press(page, 't');
    const paused = await state(page);
    await page.reload();
    await started(page);
    await page.waitForTimeout(1200);
    const again = await state(page);
    assert.equal(again.timer, TIMER.paused);
    assert.ok(Math.abs(again.elapsed - paused.elapsed) < 0.01, `${again.elapsed} vs ${paused.elapsed}`);
  },

  async 'a blocked popup is said on screen and the presenter view is offered in this tab'(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => { window.open = () => null; });  // a pop-up blocker
    const page = await open(browser, fixture + '#/2', { context });
    let popups = 0;
    page.on('popup', () => popups++);
    await press(page, 's');
    await page.waitForSelector('#popup-blocked:not([hidden])', { timeout: 3000 });
    assert.match(await page.textContent('#popup-blocked'), /blocked the presenter window/);
    await page.screenshot({ path: path.join(outDir, 'presenter-popup-blocked.png') });
    await page.keyboard.press('Enter');  // the focused button takes it, not the slides
    await page.waitForFunction(() => window.podiumModule._podium_view() === 1);
    assert.ok(await page.isHidden('#popup-blocked'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    assert.match(page.url(), /view=presenter/);
    assert.match(page.url(), /#\/2$/);
    assert.equal(popups, 0);
    // The single window is the whole talk: keys drive it, and a reload keeps the view.
    await press(page, 'ArrowRight');
    await follows(page, 1, 1);
    await page.reload();
    await started(page);
    assert.equal((await state(page)).view, 1);
    await follows(page, 1, 1);
    // S in a single presenter window (no audience window) shows the audience view again.
    await press(page, 's');
    await page.waitForFunction(() => window.podiumModule._podium_view() === 0);
    assert.doesNotMatch(page.url(), /view=presenter/);
  },

  async 'a deck opened from files offers the presenter view in its own tab'(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    watch(page);
    await page.goto(player);
    await page.waitForSelector('#start:not([hidden])');
    await page.setInputFiles('#open-files', [path.join(__dirname, 'fixtures', 'presenter.md')]);
    await started(page);
    let popups = 0;
    page.on('popup', () => popups++);
    await press(page, 's');
    await page.waitForSelector('#popup-blocked:not([hidden])', { timeout: 3000 });
    assert.match(await page.textContent('#popup-blocked'), /opened from files/);
    await page.click('#presenter-here');
    await page.waitForFunction(() => window.podiumModule._podium_view() === 1);
    assert.equal(popups, 0);
    // The next key is the slides': the hidden button must not keep the focus.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await press(page, 'ArrowRight');
    await follows(page, 1, 0);
  },

  async 'single-window presenter mode: notes size, timer buttons, keys; idle draws nothing'(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    let page = await open(browser, presenterUrl, { context });
    await page.waitForTimeout(300);
    const idle = await state(page);
    assert.deepEqual([idle.view, idle.timer], [1, TIMER.idle]);
    await page.waitForTimeout(2500);  // idle timer: nothing to draw (but a new minute)
    assert.ok((await state(page)).frames - idle.frames <= 1, 'frames drawn while idle');

    const larger = await centreOf(page, HIT.notesLarger);
    assert.ok(larger.width > 0, 'no + button');
    await page.mouse.click(larger.x, larger.y);
    await page.mouse.click(larger.x, larger.y);
    const scale = (await state(page)).notesScale;
    assert.ok(scale > 1.2, `notes scale ${scale}`);
    const smaller = await centreOf(page, HIT.notesSmaller);
    await page.mouse.click(smaller.x, smaller.y);
    const one = (await state(page)).notesScale;
    assert.ok(one < scale && one > 1, `notes scale ${one}`);

    const toggle = await centreOf(page, HIT.timerToggle);
    await page.mouse.click(toggle.x, toggle.y);  // Start
    assert.equal((await state(page)).timer, TIMER.running);
    const running = await state(page);
    await page.waitForTimeout(3000);  // the timer shows seconds: about one frame a second
    const drawn = (await state(page)).frames - running.frames;
    assert.ok(drawn >= 2 && drawn <= 6, `${drawn} frames in 3 s with the timer running`);
    await press(page, 't');
    assert.equal((await state(page)).timer, TIMER.paused);
    const reset = await centreOf(page, HIT.timerReset);
    await page.mouse.click(reset.x, reset.y);
    assert.equal((await state(page)).timer, TIMER.idle);

    await press(page, 'ArrowRight');
    await follows(page, 1, 0);
    await page.mouse.move(900, 500);
    await page.mouse.wheel(0, 300);  // the wheel scrolls notes, it does not change slides
    await page.waitForTimeout(200);
    await follows(page, 1, 0);

    // The notes size is remembered by the next visit.
    await page.close();
    page = await open(browser, presenterUrl, { context });
    assert.equal((await state(page)).notesScale, one);
    await page.screenshot({ path: path.join(outDir, 'presenter-single-window.png') });
  },

  async 'channel messages that are malformed or for another deck are left out'(browser) {
    const audience = await open(browser, fixture + '#/2');
    const id = await audience.evaluate(() => new URL('../fixtures/presenter.md', location.href).href);
    const before = await state(audience);
    const statuses = await audience.evaluate(async (id) => {
      const channel = new BroadcastChannel('podium:' + id);
      channel.postMessage('garbage');
      channel.postMessage({ slide: 3 });
      channel.postMessage(42);
      channel.postMessage('podium1 deck=http%3A//elsewhere/other.md rev=99 role=presenter slide=3 ' +
                          'step=0 mode=slide timer=idle elapsed=0 epoch=0');
      await new Promise((resolve) => setTimeout(resolve, 300));
      channel.close();
      const M = window.podiumModule;
      const send = (text) => {
        const bytes = new TextEncoder().encode(text);
        const p = M._malloc(bytes.length + 1);
        M.HEAPU8.set(bytes, p);
        try { return M._podium_receive(p, bytes.length); } finally { M._free(p); }
      };
      return [send('podium1 deck=x'), send('podium1 deck=http%3A//elsewhere/other.md rev=99 ' +
              'slide=3 step=0 mode=slide timer=idle elapsed=0 epoch=0')];
    }, id);
    assert.deepEqual(statuses, [1, 3]);  // kMalformed, kWrongDeck
    const after = await state(audience);
    assert.deepEqual([after.slide, after.step, after.mode], [before.slide, before.step, before.mode]);
    assert.ok(audience.warnings.some((w) => /sync message left out/.test(w)), audience.warnings.join('\n'));
  },

  async 'the presenter UI speaks the deck\'s language, else the browser\'s, with the fonts it needs'(browser) {
    const latin = `${player}?deck=../e2e-fixtures/latin.md`;
    const english = await open(browser, latin + '&view=presenter');
    assert.ok(!english.requests.some((r) => /NotoSans/.test(r)), english.requests.join(' '));
    const chinese = await open(browser, latin + '&view=presenter', { locale: 'zh-CN' });
    assert.equal(await chinese.evaluate(() => window.podiumModule._podium_ui_language()), 1);
    assert.ok(chinese.requests.some((r) => /NotoSansSC-Regular/.test(r)), chinese.requests.join(' '));
    const audience = await open(browser, latin, { locale: 'zh-CN' });  // the slides need none
    assert.ok(!audience.requests.some((r) => /NotoSans/.test(r)), audience.requests.join(' '));
    // Switching a window to the presenter view fetches what the view then needs.
    await audience.evaluate(() => window.podiumModule._podium_set_view(1));
    await audience.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => /NotoSansSC-Regular/.test(e.name)), null, { timeout: 10000 });
  },

  async 'screenshots of the presenter view, English and Chinese'(browser) {
    for (const [name, deck, steps] of [['presenter-en', 'tutorial.md', 3], ['presenter-zh', 'zh-tech-talk.md', 2]]) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 810 } });
      const page = await open(browser, `${player}?deck=../decks/${deck}&view=presenter`, { context });
      for (let i = 0; i < steps; i++) await press(page, 'ArrowRight');
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(outDir, name + '.png') });
      await context.close();
    }
  },
};

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  let failed = 0;
  const only = process.env.PRESENTER_CHECK;  // a substring of one check's name, for debugging
  for (const [name, check] of Object.entries(checks)) {
    if (only && !name.includes(only)) continue;
    try {
      await check(browser);
      console.log('ok   ', name);
    } catch (e) {
      failed++;
      console.log('FAIL ', name, '\n     ', String(e.stack || e.message || e).split('\n').join('\n      '));
    }
    for (const context of browser.contexts()) await context.close();
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
})();
