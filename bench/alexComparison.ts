// ClinAlign against alex (a prose linter with a VS Code extension) on the same Markdown files, side by side
// in one run: whole-process (each CLI started on the folder, as a user runs it) and in-process (alex's API
// against lintAnswer, cold). The machine is shared and noisy, so runs alternate and ratios are reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(__dirname, '..');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (result.error) throw result.error;
  return performance.now() - start;
}

/** Whole-process medians (ms) of `clinalign lint` (dist/cli.js, built by `npm run bench`) and alex's CLI. */
export function wholeProcess(texts: string[], runs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'clinalign-bench-'));
  try {
    texts.forEach((text, i) => writeFileSync(join(dir, `answer-${i}.md`), `${text}\n`));
    const clinalign: number[] = [];
    const alex: number[] = [];
    for (let r = 0; r < runs; r++) {
      clinalign.push(timeProcess([join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', dir]));
      alex.push(timeProcess([require.resolve('alex/cli.js'), dir]));
    }
    return {
      files: texts.length,
      runs,
      clinalignMs: Math.round(median(clinalign)),
      alexMs: Math.round(median(alex)),
      ratio: round(median(alex) / median(clinalign)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In-process medians (ms) over the texts: `lint` (cold, caches cleared by the caller) against alex's `markdown`. */
export async function inProcess(texts: string[], lint: (text: string) => void, runs: number) {
  const alex = (await import('alex')).markdown;
  texts.forEach((text) => alex(text)); // warm-up (JIT, alex's lazy setup)
  texts.forEach(lint);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < runs; r++) {
    let start = performance.now();
    texts.forEach(lint);
    ours.push(performance.now() - start);
    start = performance.now();
    texts.forEach((text) => alex(text));
    theirs.push(performance.now() - start);
  }
  return {
    runs,
    clinalignMs: Math.round(median(ours)),
    alexMs: Math.round(median(theirs)),
    ratio: round(median(theirs) / median(ours)),
  };
}

/** Each shape in its own process with a deadline: a pathological shape reports that, not a hung bench. */
export function adversarialShapes(shapes: readonly string[], deadlineMs: number) {
  return shapes.map((shape) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'adversarialShapes.ts'), shape], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: deadlineMs,
    });
    if (result.status !== 0 || !result.stdout.trim())
      return { shape, slowestMs: null, stopped: `no result within ${deadlineMs / 1000} s` };
    return JSON.parse(result.stdout.trim()) as { shape: string; chars: number; slowestMs: number };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
