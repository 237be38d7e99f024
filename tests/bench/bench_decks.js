// The generated benchmark decks' Markdown, shared by bench.js (the players) and build_bench.js
// (deckc build / export next to Marp CLI), so both measure the same slides.
'use strict';

// Slide i of a deck: a title, a paragraph, three bullets (plain '-' bullets: one key, one
// slide in all three players), code on every fourth slide, a table on every seventh.
function slide(i) {
  let s = `## ${i}. Measuring what the audience sees\n\n`;
  s += `Slide **${i}** keeps the same shape as every other: a *short* paragraph with \`inline code\`, then a list.\n\n`;
  s += `- Latency is a distribution, not a number\n- Warm up, then measure ${i % 9 + 1} times\n- Report the median and the 95th percentile\n`;
  if (i % 4 === 0) {
    s += '\n```python\ndef median(xs):\n    xs = sorted(xs)\n    n = len(xs)\n    return (xs[n // 2] + xs[(n - 1) // 2]) / 2\n```\n';
  }
  if (i % 7 === 0) {
    s += '\n| Tool | Output | Runs in |\n|------|--------|---------|\n| Podium | wasm + WebGL2 | browser |\n| reveal.js | DOM | browser |\n| Marp | SVG + HTML | browser |\n';
  }
  return s;
}
const body = (n) => Array.from({ length: n }, (_, i) => slide(i + 1)).join('\n---\n\n');

module.exports = { slide, body };
