// End-to-end checks of the browser player in headless Chromium (run by run_e2e.sh, which
// serves the player at /player/, decks/ at /decks/ and fixtures/ at /fixtures/).
//
// Each check is one async function; a failed assertion stops the run with its message.
// State is read through the test exports of web/bridge.cpp (podium_current_slide, …).
'use strict';
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');

const origin = process.argv[2];
const player = `${origin}/player/index.html`;
const fixture = `${player}?deck=../fixtures/player.md`;

const started = (page) => page.waitForFunction(
  () => document.getElementById('slide-text').textContent.length > 0, null, { timeout: 60000 });
const state = (page) => page.evaluate(() => {
  const M = window.podiumModule;
  return { slide: M._podium_current_slide(), step: M._podium_current_step(),
           mode: M._podium_current_mode(), frames: M._podium_frames_drawn(), hash: location.hash };
});
async function press(page, key) {
  await page.keyboard.press(key);
  await page.waitForTimeout(100);
  return state(page);
}
async function open(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  page.warnings = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'warning' && !/GPU stall/.test(m.text())) page.warnings.push(m.text()); });
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await started(page);
  return page;
}

const checks = {
  async 'opens a deck by URL, at the hash, with a title and aria text'(browser) {
    const page = await open(browser, fixture + '#/2.3');
    assert.deepEqual(await state(page).then(({ slide, step }) => ({ slide, step })), { slide: 1, step: 2 });
    assert.equal(await page.title(), 'Player fixture');
    assert.match(await page.textContent('#slide-text'), /first fragment/);
    assert.equal(await page.getAttribute('#canvas', 'aria-label'), 'Slide 2 of 4');
    // A hash past the end, typed while the deck is open, becomes the place really shown,
    // also when that place is where the deck already is.
    await page.keyboard.press('End');
    await page.evaluate(() => { location.hash = '#/50'; });
    await page.waitForFunction(() => location.hash === '#/4', null, { timeout: 3000 });
    await page.evaluate(() => { location.hash = '#/4.9'; });
    await page.waitForFunction(() => location.hash === '#/4', null, { timeout: 3000 });
  },

  async 'a missing image is a console warning in the diagnostics format'(browser) {
    const page = await open(browser, fixture);
    assert.ok(page.warnings.some((w) => /player\.md:25:\d+: error: image 'images\/missing\.png' not found/.test(w)),
              page.warnings.join('\n'));
  },

  async 'keys of the design table drive the session and the hash'(browser) {
    const page = await open(browser, fixture);
    assert.equal((await press(page, 'ArrowRight')).hash, '#/2');
    assert.equal((await press(page, 'Space')).hash, '#/2.2');
    assert.equal((await press(page, 'PageDown')).hash, '#/2.3');
    assert.equal((await press(page, 'n')).hash, '#/2.4');
    assert.equal((await press(page, 'PageUp')).hash, '#/2.3');
    assert.equal((await press(page, 'Backspace')).hash, '#/2.2');
    assert.equal((await press(page, 'End')).slide, 3);
    assert.equal((await press(page, 'Home')).slide, 0);
    await page.keyboard.type('3');
    assert.equal((await press(page, 'Enter')).slide, 2);
    assert.equal((await press(page, 'b')).mode, 2);
    assert.equal((await press(page, '.')).mode, 0);
    assert.equal((await press(page, 'w')).mode, 3);
    assert.equal((await press(page, ',')).mode, 0);
    assert.equal((await press(page, 'o')).mode, 1);
    await press(page, 'ArrowLeft');
    const opened = await press(page, 'Enter');
    assert.deepEqual([opened.mode, opened.slide], [0, 1]);
    assert.equal((await press(page, 'Escape')).mode, 1);
    assert.equal((await press(page, 'Escape')).mode, 0);
  },

  async 'back and forward follow the slides'(browser) {
    const page = await open(browser, fixture + '#/1');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await page.goBack();
    await page.waitForTimeout(300);
    assert.equal((await state(page)).slide, 0);
    await page.goForward();
    await page.waitForTimeout(300);
    assert.deepEqual(await state(page).then(({ slide, step }) => [slide, step]), [1, 1]);
  },

  async 'a reload keeps slide, step and timer'(browser) {
    const page = await open(browser, fixture);
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await press(page, 't');  // pause the timer the first move started
    await page.goto(fixture);  // no hash: the saved session decides
    await started(page);
    await page.waitForTimeout(200);
    assert.deepEqual(await state(page).then(({ slide, step }) => [slide, step]), [1, 1]);
    const saved = await page.evaluate(() => Object.values(localStorage).join('\n'));
    assert.match(saved, /timer=paused/);
  },

  async 'nothing is drawn while nothing changes'(browser) {
    const page = await open(browser, fixture);
    await page.waitForTimeout(500);
    const before = (await state(page)).frames;
    await page.waitForTimeout(3000);
    assert.equal((await state(page)).frames, before);
  },

  async 'clicks advance, links open a new tab without opener'(browser) {
    const page = await open(browser, fixture + '#/1');
    const context = page.context();
    const tab = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
    // "Links: Podium" is the first bullet: find the link by hovering down the slide.
    let found = false;
    for (let y = 250; y < 600 && !found; y += 4) {
      await page.mouse.move(240, y);
      found = await page.evaluate(() => document.getElementById('canvas').style.cursor === 'pointer');
      if (found) await page.mouse.click(240, y);
    }
    assert.ok(found, 'no link under the pointer on the first bullet');
    const opened = await tab;
    assert.ok(opened, 'the link did not open a tab');
    assert.equal(await opened.evaluate(() => window.opener), null);
    assert.equal((await state(page)).slide, 0);  // a link click does not advance
    await page.mouse.click(900, 620);
    await page.waitForTimeout(100);
    assert.equal((await state(page)).slide, 1);
  },

  async 'wheel and swipes move'(browser) {
    const page = await open(browser, fixture + '#/3', { hasTouch: true });
    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(150);
    assert.equal((await state(page)).slide, 3);
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (x0, x1) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: 360 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x1, y: 360 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(150);
    };
    await swipe(300, 900);
    assert.equal((await state(page)).slide, 2);
  },

  async 'a Latin deck fetches no fallback font; a CJK deck fetches the CJK faces'(browser) {
    const latin = await open(browser, `${player}?deck=../fixtures/latin.md`);
    assert.ok(!latin.requests.some((r) => /NotoSans|Symbola/.test(r)), latin.requests.join(' '));
    const cjk = await open(browser, fixture);
    assert.ok(cjk.requests.some((r) => /NotoSansSC-Regular/.test(r)));
    assert.ok(!cjk.requests.some((r) => /Symbola/.test(r)));
  },

  async 'the framebuffer follows devicePixelRatio'(browser) {
    const page = await open(browser, fixture, { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => [canvas.width, canvas.height]), [1280, 720]);
  },

  async 'the start page opens chosen files'(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(player);
    await page.waitForSelector('#start:not([hidden])');
    await page.setInputFiles('#open-files', [`${__dirname}/fixtures/latin.md`]);
    await started(page);
    assert.equal(await page.title(), 'Latin only');
  },
};

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  let failed = 0;
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check(browser);
      console.log('ok   ', name);
    } catch (e) {
      failed++;
      console.log('FAIL ', name, '\n     ', String(e.message || e).split('\n').join('\n      '));
    }
    for (const context of browser.contexts()) await context.close();
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
})();
