// `deckc serve` over HTTP, with a stand-in player folder (no browser, no web build needed):
// what is served, what is refused, the change channel, the port fallback, Ctrl-C.
//
//   node tests/web/serve_http_test.js path/to/deckc
//
// The client is Node's http module because it sends a path exactly as written (curl
// squashes `/../` unless told not to; browsers normalise). Each check prints ok/FAIL; the
// last line is the summary; exit 1 when any check failed.
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const deckc = path.resolve(process.argv[2] || 'deckc');
const repo = path.resolve(__dirname, '../..');
const secret = 'TOP-SECRET-' + process.pid;

// [SECTION] The site on disk --------------------------------------------------------------
//
//   root/secret.txt                 outside both served folders
//   root/player/{index.html, podium.js, podium.wasm, fonts/Inter.otf}
//   root/talks/我的 talk.md         the deck (a name that needs encoding)
//   root/talks/images/logo.png
//   root/talks/.hidden              a dotfile: never served
//   root/talks/in-link.png  → images/logo.png        a symlink that stays inside: served
//   root/talks/out-link.txt → ../secret.txt          a symlink that leaves: refused
//   root/talks/out-dir      → ..                     a folder symlink that leaves: refused
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-serve-'));
const player = path.join(root, 'player');
const talks = path.join(root, 'talks');
const deckName = '我的 talk.md';
const deckPath = path.join(talks, deckName);
fs.mkdirSync(path.join(player, 'fonts'), { recursive: true });
fs.mkdirSync(path.join(talks, 'images'), { recursive: true });
fs.writeFileSync(path.join(root, 'secret.txt'), secret);
fs.writeFileSync(path.join(player, 'index.html'), '<!doctype html><title>stand-in player</title>');
fs.writeFileSync(path.join(player, 'podium.js'), 'var createPodium;');
fs.writeFileSync(path.join(player, 'podium.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
fs.writeFileSync(path.join(player, 'fonts', 'Inter.otf'), 'OTTO');
fs.writeFileSync(deckPath, '# Hello\n\n![logo](images/logo.png)\n');
fs.copyFileSync(path.join(repo, 'decks/images/logo.png'), path.join(talks, 'images/logo.png'));
fs.writeFileSync(path.join(talks, '.hidden'), secret);
fs.symlinkSync('images/logo.png', path.join(talks, 'in-link.png'));
fs.symlinkSync('../secret.txt', path.join(talks, 'out-link.txt'));
fs.symlinkSync('..', path.join(talks, 'out-dir'));

// Every file under `dir` with its size and mtime: "nothing was written" is this, unchanged.
function snapshot(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const s = fs.lstatSync(p);
      out.push(`${path.relative(root, p)} ${s.size} ${s.mtimeMs}`);
      if (s.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.join('\n');
}

// [SECTION] Helpers -----------------------------------------------------------------------

// Starts `deckc serve ARGS…`; resolves once it printed its URL.
function serve(args, { expectFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(deckc, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run = { child, stdout: '', stderr: '', exit: null };
    run.exited = new Promise((done) => child.on('exit', (code, signal) => { run.exit = { code, signal }; done(run.exit); }));
    child.stdout.on('data', (d) => {
      run.stdout += d;
      const m = /(http:\/\/127\.0\.0\.1:(\d+)\/\S+)/.exec(run.stdout);
      if (m && !run.url) { run.url = m[1]; run.port = +m[2]; resolve(run); }
    });
    child.stderr.on('data', (d) => { run.stderr += d; });
    run.exited.then(() => (expectFailure ? resolve(run) : reject(new Error(`deckc serve exited: ${run.stderr}`))));
    setTimeout(() => reject(new Error('deckc serve printed no URL in 10 s')), 10000);
  });
}

// One request with the path sent as written. Resolves {status, headers, body: Buffer}.
function request(port, rawPath, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${rawPath}: no answer in 5 s`)));
    if (body) req.write(body);
    req.end();
  });
}

// Asks /events, as the page does, every 100 ms; `events` collects each answer that said
// `change`, and `since` moves on to the version it named, as a reloaded page's would.
function listen(port, query) {
  const stream = { events: [], answers: [], since: new URLSearchParams(query).get('since') || '' };
  let stopped = false;
  const ask = async () => {
    while (!stopped) {
      let r;
      try {
        r = await request(port, '/events?since=' + encodeURIComponent(stream.since));
      } catch (e) {  // the server stopped: the page would ask again later
        stream.error = e;
        await sleep(100);
        continue;
      }
      stream.status = r.status;
      stream.type = r.headers['content-type'];
      stream.cache = r.headers['cache-control'];
      const text = r.body.toString('utf8').trim();
      stream.answers.push(text);
      if (text.startsWith('change ')) {
        stream.events.push('change');
        stream.since = text.slice('change '.length);
      }
      await sleep(100);
    }
  };
  stream.done = ask();
  stream.close = () => { stopped = true; return stream.done; };
  return waitFor(() => stream.answers.length > 0, 3000, 'a first answer from /events').then(() => stream);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(predicate, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (predicate()) return Date.now(); await sleep(20); }
  throw new Error(`${what}: not within ${ms} ms`);
}

// [SECTION] Hostile paths -----------------------------------------------------------------
// Each must be answered 403 or 404 without a byte of the secret. The deck's folder is
// root/talks, so "../secret.txt" from there is the prize.
const HOSTILE = [
  '/deck/../secret.txt',
  '/deck/./../secret.txt',
  '/deck/%2e%2e/secret.txt',
  '/deck/%2E%2E/secret.txt',
  '/deck/.%2e/secret.txt',
  '/deck/..%2fsecret.txt',
  '/deck/..%2Fsecret.txt',
  '/deck/%2e%2e%2fsecret.txt',
  '/deck/..%5csecret.txt',
  '/deck/..\\secret.txt',
  '/deck/images/..%5c..%5csecret.txt',
  '/deck/%252e%252e/secret.txt',
  '/deck/..;/secret.txt',
  '/player/../secret.txt',
  '/player/%2e%2e/talks/.hidden',
  '/../secret.txt',
  '//secret.txt',
  '//etc/passwd',
  '/deck//etc/passwd',
  '/deck/%2fetc%2fpasswd',
  `/deck/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
  '/deck/out-link.txt',
  '/deck/out-dir/secret.txt',
  '/deck/out-dir/talks/.hidden',
  '/deck/.hidden',
  '/deck/%2ehidden',
  '/deck/secret.txt%00.png',
  '/deck/%00/../secret.txt',
  '/secret.txt',
  `http://127.0.0.1/../secret.txt`,
];

// [SECTION] Checks ------------------------------------------------------------------------

let server;  // the deckc serve most checks talk to
const checks = {
  async 'a missing player folder is a clear error, exit 2'() {
    const run = await serve([deckPath, '--player', path.join(root, 'no-player')], { expectFailure: true });
    const exit = await run.exited;
    assert.equal(exit.code, 2);
    assert.match(run.stderr, /build the player with tools\/build_web\.sh/);
  },

  async 'a missing deck is a clear error, exit 2'() {
    const run = await serve([path.join(talks, 'nope.md'), '--player', player], { expectFailure: true });
    assert.equal((await run.exited).code, 2);
    assert.match(run.stderr, /cannot read/);
  },

  async 'starts on a free port and prints the player URL'() {
    server = await serve([deckPath, '--port', '0', '--player', player]);
    const url = new URL(server.url);
    assert.equal(url.pathname, '/player/index.html');
    assert.equal(new URLSearchParams(url.search).get('deck'), '/deck/' + encodeURIComponent(deckName));
  },

  async 'serves the page, the player files, the deck and its images'() {
    const url = new URL(server.url);
    const page = await request(server.port, url.pathname + url.search);
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body.toString(), /stand-in player/);
    const wasm = await request(server.port, '/player/podium.wasm');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.deepEqual(wasm.body, fs.readFileSync(path.join(player, 'podium.wasm')));
    assert.equal((await request(server.port, '/player/fonts/Inter.otf')).headers['content-type'], 'font/otf');
    // Sent as they are, whatever the browser accepts (httplib's brotli cost 0.3 s per script).
    const js = await request(server.port, '/player/podium.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(js.headers['content-encoding'], undefined);
    assert.equal(js.body.toString(), 'var createPodium;');
    // The deck, found the way the page finds it: the deck= value resolved against the page.
    const deckUrl = new URL(new URLSearchParams(url.search).get('deck'), url);
    const deck = await request(server.port, deckUrl.pathname);
    assert.equal(deck.status, 200);
    assert.match(deck.headers['content-type'], /^text\/markdown/);
    assert.deepEqual(deck.body, fs.readFileSync(deckPath));
    assert.match(deck.headers['podium-events'] || '', /^\/events\?since=/);
    assert.equal(deck.headers['cache-control'], 'no-cache');
    const image = await request(server.port, '/deck/images/logo.png');
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual(image.body, fs.readFileSync(path.join(talks, 'images/logo.png')));
    assert.equal((await request(server.port, '/deck/in-link.png')).status, 200, 'a symlink inside the folder');
    const head = await request(server.port, '/deck/images/logo.png', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    const home = await request(server.port, '/');
    assert.equal(home.status, 302);
    assert.equal(home.headers.location, url.pathname + url.search);
    assert.equal((await request(server.port, '/deck/images/nope.png')).status, 404);
    assert.equal((await request(server.port, '/other/file')).status, 404);
  },

  async [`refuses ${HOSTILE.length} hostile paths with 403 or 404`]() {
    const wrong = [];
    for (const p of HOSTILE) {
      const r = await request(server.port, p);
      const leaked = r.body.includes(secret) || r.body.includes('root:x:0:0');
      if (![403, 404].includes(r.status) || leaked) wrong.push(`${p} → ${r.status}${leaked ? ' LEAKED' : ''}`);
    }
    assert.deepEqual(wrong, []);
  },

  async 'refuses other methods and hosts; writes nothing'() {
    const before = snapshot(root);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await request(server.port, '/deck/new.md', { method, body: 'written?' });
      assert.equal(r.status, 405, method);
    }
    const rebinding = await request(server.port, '/deck/images/logo.png', { headers: { Host: 'attacker.example:' + server.port } });
    assert.equal(rebinding.status, 403, 'a foreign Host header (DNS rebinding)');
    const local = await request(server.port, '/deck/images/logo.png', { headers: { Host: 'localhost:' + server.port } });
    assert.equal(local.status, 200, 'Host: localhost');
    assert.equal(snapshot(root), before);
  },

  async 'the change channel fires when the deck is saved, once per save'() {
    const since = (await request(server.port, '/deck/' + encodeURIComponent(deckName))).headers['podium-events'];
    const stream = await listen(server.port, since.slice('/events'.length));
    assert.equal(stream.status, 200);
    assert.match(stream.type, /^text\/plain/);
    assert.equal(stream.cache, 'no-store', 'a proxy or the browser must not answer for the server');
    await sleep(600);
    assert.deepEqual(stream.events, [], 'nothing changed yet');
    const saved = Date.now();
    fs.appendFileSync(deckPath, '\n---\n\n# Added\n');
    const fired = await waitFor(() => stream.events.length === 1, 3000, 'change event after an append');
    console.log(`      (change event ${fired - saved} ms after the save)`);
    // An editor's save: a new file renamed over the old one.
    fs.writeFileSync(deckPath + '.swp-new', fs.readFileSync(deckPath, 'utf8') + '\nmore\n');
    fs.renameSync(deckPath + '.swp-new', deckPath);
    await waitFor(() => stream.events.length === 2, 3000, 'change event after a rename-save');
    await sleep(800);
    assert.equal(stream.events.length, 2, 'one event per save');
    await stream.close();
  },

  async 'a page that saw an older version hears about the change at once'() {
    const stream = await listen(server.port, '?since=an-old-version');
    await waitFor(() => stream.events.length === 1, 1500, 'change event for a stale page');
    await stream.close();
  },

  async 'a taken port: another one, said so'() {
    const second = await serve([deckPath, '--port', String(server.port), '--player', player]);
    try {
      assert.notEqual(second.port, server.port);
      assert.match(second.stderr + second.stdout, new RegExp(`port ${server.port} is taken`));
      assert.equal((await request(second.port, '/deck/images/logo.png')).status, 200);
    } finally {
      second.child.kill('SIGINT');
      await second.exited;
    }
  },

  async 'Ctrl-C stops it cleanly, even while a page keeps asking'() {
    const stream = await listen(server.port, '');
    const sent = Date.now();
    server.child.kill('SIGINT');
    const exit = await Promise.race([server.exited, sleep(5000).then(() => null)]);
    assert.ok(exit, 'still running 5 s after SIGINT');
    assert.equal(exit.code, 0);
    assert.match(server.stdout, /stopped/);
    console.log(`      (stopped ${Date.now() - sent} ms after SIGINT)`);
    await stream.close();
  },
};

(async () => {
  let failed = 0, passed = 0;
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      passed++;
      console.log('ok   ', name);
    } catch (e) {
      failed++;
      console.log('FAIL ', name, '\n     ', String(e.stack || e).split('\n').slice(0, 12).join('\n      '));
    }
  }
  if (server && server.exit === null) server.child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`deckc serve over HTTP: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
