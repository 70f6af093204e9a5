import { parseCase } from '../src/core/case/parseCase';
const cap = 256 * 1024 - 100;
const fill = (unit: string, prefix = '', suffix = '') => prefix + unit.repeat(Math.floor((cap - prefix.length - suffix.length) / unit.length)) + suffix;
const cases: Record<string, string> = {
  bomb: 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nprompt: hi\n',
  huge10MB: 'prompt: ' + 'x'.repeat(10 * 1024 * 1024),
  deepFlow: fill('[', 'a: '),
  deepDash: fill('- ') + 'x',
  flatFlow: fill('x,', 'a: [', ']'),
  manyKeys: Array.from({ length: 30000 }, (_, i) => `k${i}: v`).join('\n').slice(0, cap),
  manyAliases: fill('*a, ', 'a: &a x\nb: [', '*a]'),
  blockSeq: fill('\n  - x', 'a:'),
  longKey: 'k'.repeat(200000) + ': v',
  controls: fill('\u0000\u001b[31m\u0085'),
  flowMaps: fill('{a: 1}, ', 'a: [', '{}]'),
};
for (const [name, yaml] of Object.entries(cases)) {
  const text = `---\n${yaml}\n---\nAnswer.\n`;
  const times: number[] = [];
  let doc;
  for (let r = 0; r < 3; r++) { const s = performance.now(); doc = parseCase(text); times.push(performance.now() - s); }
  console.log(name.padEnd(12), String(Math.round(text.length / 1024)).padStart(6), 'KB', times.map((t) => t.toFixed(0)).join('/').padStart(16), 'ms', JSON.stringify(doc!.problems[0] ?? null).slice(0, 110));
}
