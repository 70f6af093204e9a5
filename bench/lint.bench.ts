// `npm run bench`: library load + compile, lint latency on a 2,000-word answer (per keystroke, with the
// paragraph cache, and cold), throughput, and growth (cold).
// Prints one JSON object. Times are wall-clock milliseconds on this machine.
import { performance } from 'node:perf_hooks';
import { compileLibrary } from '../src/core/lint/compileLibrary';
import { lintAnswer, type LintInput } from '../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { adversarialShapes, inProcess, wholeProcess } from './alexComparison';
import { SHAPES } from './adversarialShapes';
import { generatedAnswer, idealCompletions } from './benchCorpus';

const round = (n: number) => Math.round(n * 1000) / 1000;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), runs: samples.length };
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// Library: the first load in this process is the cold figure an editor pays at activation. It reads the
// build snapshot (dist/principles.snapshot.json) when it matches the YAML; `npm run bench` builds first.
let library!: ReturnType<typeof compileLibrary>;
const coldLoadCompile = time(() => {
  const loaded = loadPrinciples(bundledPrinciplesDir());
  library = compileLibrary(loaded.principles, undefined, loaded.patternPlans);
});
const loadRuns: number[] = [];
const compileRuns: number[] = [];
for (let i = 0; i < 30; i++) {
  let loaded = loadPrinciples(bundledPrinciplesDir());
  loadRuns.push(time(() => (loaded = loadPrinciples(bundledPrinciplesDir()))));
  compileRuns.push(time(() => compileLibrary(loaded.principles, undefined, loaded.patternPlans)));
}

// The busiest scenario: every label set, so the most detectors are active.
const scenario = { urgency: 'emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' } as const;
const question = 'My 70 year old father has crushing chest pain and is sweating. Should I give him aspirin?';
const input = (answer: string): LintInput => ({ answer, question, scenario });

const answer2000 = generatedAnswer(2000);
for (let i = 0; i < 50; i++) lintAnswer(library, input(answer2000)); // warm-up (JIT)

// Cold: nothing cached, the whole answer analysed (opening a file, changing the library).
const coldRuns: number[] = [];
for (let i = 0; i < 300; i++) {
  library.paragraphs.clear();
  coldRuns.push(time(() => lintAnswer(library, input(answer2000))));
}
// Keystroke: one character typed somewhere in the answer before each lint, as in the editor.
const keystrokeRuns: number[] = [];
let typed = answer2000;
for (let i = 0; i < 500; i++) {
  const at = Math.floor((i * 7919) % typed.length);
  typed = typed.slice(0, at) + 'e' + typed.slice(at);
  const text = typed;
  keystrokeRuns.push(time(() => lintAnswer(library, input(text))));
}
const findings2000 = lintAnswer(library, input(answer2000)).length;

const corpus = [...idealCompletions(), ...Array.from({ length: 40 }, (_, i) => generatedAnswer(500, i + 7))];
const corpusBytes = corpus.reduce((n, a) => n + Buffer.byteLength(a), 0);
const corpusRuns: number[] = [];
for (let r = 0; r < 20; r++) {
  library.paragraphs.clear(); // throughput is measured cold: every answer analysed from scratch
  corpusRuns.push(time(() => corpus.forEach((a) => lintAnswer(library, input(a)))));
}
const corpusMedian = stats(corpusRuns).median;

const growth = [1, 10, 100].map((factor) => {
  const text = generatedAnswer(2000 * factor, 3);
  const runs: number[] = [];
  for (let i = 0; i < Math.max(5, 200 / factor); i++) {
    library.paragraphs.clear();
    runs.push(time(() => lintAnswer(library, input(text))));
  }
  const median = stats(runs).median;
  return { words: 2000 * factor, chars: text.length, medianMs: median, msPer1000Words: round(median / (2 * factor)) };
});

// alex side by side on ~0.8 MB: the physician answers and generated answers of ~1,000 words.
const alexCorpus = [...idealCompletions(), ...Array.from({ length: 120 }, (_, i) => generatedAnswer(1000, i + 11))];
const unknown = { urgency: 'unknown', uncertainty: 'unknown', expertise: 'unknown', task: 'unknown' } as const;
const runs = Number(process.env.BENCH_ALEX_RUNS ?? 3);

async function main() {
  const lintCold = (answer: string) => {
    library.paragraphs.clear();
    lintAnswer(library, { answer, question: '', scenario: unknown });
  };
  const alexInProcess = await inProcess(alexCorpus, lintCold, runs);
  const alexWholeProcess = wholeProcess(alexCorpus, runs);
  const adversarial = adversarialShapes(Object.keys(SHAPES), Number(process.env.BENCH_SHAPE_DEADLINE_MS ?? 30_000));
  print(alexInProcess, alexWholeProcess, adversarial);
}

function print(alexInProcess: unknown, alexWholeProcess: unknown, adversarial: unknown) {
  console.log(
    JSON.stringify(
      {
        principles: library.principles.length,
        detectors: library.detectors.length,
        loadAndCompile: {
          coldMs: round(coldLoadCompile),
          warmLoadMs: stats(loadRuns),
          compileMs: stats(compileRuns),
          targetMs: 30,
        },
        lint2000Words: {
          chars: answer2000.length,
          findings: findings2000,
          keystrokeMs: stats(keystrokeRuns),
          coldMs: stats(coldRuns),
          targetMedianMs: 1,
        },
        throughput: {
          answers: corpus.length,
          megabytes: round(corpusBytes / 1e6),
          mbPerSecond: round(corpusBytes / 1e6 / (corpusMedian / 1000)),
        },
        growth,
        alex: {
          megabytes: round(alexCorpus.reduce((n, a) => n + Buffer.byteLength(a), 0) / 1e6),
          wholeProcess: alexWholeProcess,
          inProcess: alexInProcess,
          targetRatio: 20,
        },
        adversarial1MB: { targetMs: 1000, shapes: adversarial },
      },
      null,
      2,
    ),
  );
}

void main();
