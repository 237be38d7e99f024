// `deckc build` and `deckc export` next to Marp CLI, same decks, same run (issue #5's goals):
//
//   - size: the Chinese showcase deck as one HTML file, raw and gzip -6, deckc build vs marp
//   - build time: generated decks of 100 and 1000 slides (the decks of bench.js), deckc build
//     (one HTML file) vs marp to HTML; wall time of the whole command, median of RUNS (9),
//     the two taken in turns
//   - PDF time: deckc export vs marp --pdf (Debian's chromium through CHROME_PATH), on the
//     showcase deck and the 100-slide deck; median of PDF_RUNS
//
//   tests/bench/run_bench.sh [PLAYER_DIR] --build-only     (installs Marp CLI, then this)
//   node tests/bench/build_bench.js DECKC PLAYER_DIR MARP_BIN [--runs 9] [--pdf-runs 3]
//
// Prints a Markdown table. Each command is a fresh process: start-up is part of the time,
// as it is for the person who types it.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { body } = require('./bench_decks.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const RUNS = Number(option('--runs', '9'));
const PDF_RUNS = Number(option('--pdf-runs', '3'));
const [deckc, playerDir, marpBin] = args.map((p) => path.resolve(p));
const repo = path.resolve(__dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-build-bench-'));
const env = { ...process.env, CHROME_PATH: '/usr/bin/chromium' };

function timed(command, commandArgs) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, commandArgs, { encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${path.basename(command)} ${commandArgs.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}
// Medians of `runs` runs of two commands, taken in turns so that both meet the same load
// (the machine may be busy: the load average is printed under the table).
function medians(a, b, runs) {
  const times = [[], []];
  for (let i = 0; i < runs; i++) {
    times[0].push(timed(...a));
    times[1].push(timed(...b));
  }
  return times.map((t) => t.sort((x, y) => x - y)[Math.floor(runs / 2)]);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (t) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);

const loadBefore = os.loadavg()[0];
const rows = [];
try {
  // Decks: the showcase deck as it is (Marp reads it as Markdown: its front matter keys that
  // Marp does not know are ignored), and the generated ones with Marp's front matter.
  const showcase = path.join(work, 'zh-tech-talk.md');
  fs.copyFileSync(path.join(repo, 'decks/zh-tech-talk.md'), showcase);
  const decks = { showcase };
  for (const n of [100, 1000]) {
    decks[n] = path.join(work, `bench-${n}.md`);
    fs.writeFileSync(decks[n], `---\nmarp: true\ntitle: Benchmark, ${n} slides\n---\n\n${body(n)}`);
  }
  const deckcBuild = (deck, out) => [deckc, ['build', deck, '-o', out, '--player', playerDir]];
  const marpHtml = (deck, out) => [marpBin, ['--no-stdin', deck, '-o', out]];

  // Size.
  const sizes = {};
  for (const [tool, command] of [['deckc build', deckcBuild], ['marp', marpHtml]]) {
    const out = path.join(work, `${tool.split(' ')[0]}-showcase.html`);
    timed(...command(showcase, out));
    const bytes = fs.readFileSync(out);
    sizes[tool] = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length };
  }
  rows.push(['Showcase deck (zh-tech-talk.md, 19 slides) as one HTML file: bytes raw / gzip -6',
    `${kb(sizes['deckc build'].raw)} / ${kb(sizes['deckc build'].gzip)}`,
    `${kb(sizes.marp.raw)} / ${kb(sizes.marp.gzip)}`, '']);

  // Build time.
  for (const n of [100, 1000]) {
    const [d, m] = medians(deckcBuild(decks[n], path.join(work, `deckc-${n}.html`)),
                           marpHtml(decks[n], path.join(work, `marp-${n}.html`)), RUNS);
    rows.push([`Build ${n} slides to HTML (median of ${RUNS})`, ms(d), ms(m), `${(m / d).toFixed(1)}×`]);
  }

  // PDF time.
  for (const [name, deck] of [['the showcase deck', showcase], ['100 slides', decks[100]]]) {
    const [d, m] = medians([deckc, ['export', deck, '-o', path.join(work, 'deckc.pdf')]],
                           [marpBin, ['--no-stdin', '--pdf', '--allow-local-files', deck, '-o', path.join(work, 'marp.pdf')]], PDF_RUNS);
    rows.push([`PDF of ${name} (median of ${PDF_RUNS})`, ms(d), ms(m), `${(m / d).toFixed(1)}×`]);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const marpVersion = spawnSync(marpBin, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
console.log('| Measure | deckc | Marp CLI | deckc faster by |\n|---|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\n${marpVersion}; Chromium for marp --pdf: /usr/bin/chromium; ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ` +
            `${new Date().toISOString().slice(0, 10)}; wall time of each command, start-up included; ` +
            `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after.`);
