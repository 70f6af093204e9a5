// `npm run bench:datasets`: export of 7,034 and 100,000 generated verified cases (each in a fresh child
// process, so its peak RSS is the export's own), then an eval of N examples × 12 items against the local
// test server at 300 ms per call and concurrency 32. Prints one JSON object; times are wall-clock ms.
// Flags: --sizes 7034,100000   --eval-examples 1000 (0 skips the eval)
import { reviewFingerprint } from '../src/core/review/reviewFingerprint';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportDataset } from '../src/core/dataset/exportDataset';
import { runEval } from '../src/core/evaluation/runEval';
import { endpointConfigSchema } from '../src/core/model/endpointConfig';
import { MemoryJudgeCache } from '../src/core/model/judgeCache';
import { ModelClient } from '../src/core/model/modelClient';
import { StructuredModeMemory } from '../src/core/model/structuredMode';
import { OpenAiTestServer } from '../test/support/openaiTestServer';
import { scriptedModel } from '../test/support/scriptedModel';

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};

const AXES = ['accuracy', 'completeness', 'communication_quality', 'context_awareness', 'instruction_following'];

/** A verified case of realistic size (~2.5 KB: a 12-item rubric, a paragraph of answer). */
function caseText(i: number): string {
  const rubric = Array.from({ length: 12 }, (_, k) => ({
    criterion: `Item ${k} of case ${i}: states whether the symptom described needs same-day care, and why`,
    points: k % 4 === 3 ? -(k % 7) - 1 : (k % 9) + 1,
    tags: ['level:example', `axis:${AXES[k % 5]}`, `principle:urgency.p${k}`],
    verified: true,
  }));
  const items = rubric
    .map(
      (item) =>
        `  - criterion: "${item.criterion}"\n    points: ${item.points}\n    tags: [${item.tags.join(', ')}]\n    verified: true`,
    )
    .join('\n');
  const answer = `A headache with a stiff neck can be a sign of meningitis, which needs care the same day. If you also have a fever, a rash, confusion or sensitivity to light, call emergency services now. Case ${i}.\n`;
  return `---\nid: case-${String(i).padStart(6, '0')}\naudience: layperson\nconversation:\n  - role: user\n    content: "Question ${i}: I have had a headache and a stiff neck since this morning. Should I see someone today?"\nscenario:\n  urgency: ${i % 3 === 0 ? 'emergent' : 'non-emergent'}\nrubric:\n${items}\nreview:\n  status: verified\n  reviewers: [dr-lee]\n  fingerprint: ${reviewFingerprint(answer, rubric)}\n---\n${answer}`;
}

function generate(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'clinalign-bench-export-'));
  for (let start = 0; start < count; start += 1000) {
    const dir = join(root, 'cases', `batch-${start / 1000}`);
    mkdirSync(dir, { recursive: true });
    for (let i = start; i < Math.min(count, start + 1000); i++) writeFileSync(join(dir, `c${i}.case.md`), caseText(i));
  }
  mkdirSync(join(root, '.clinalign', 'history'), { recursive: true });
  for (let i = 0; i < count; i += 5) {
    writeFileSync(
      join(root, '.clinalign', 'history', `case-${String(i).padStart(6, '0')}.jsonl`),
      `${JSON.stringify({ time: 't', source: 'human', principlesAddressed: [], text: `First draft ${i}`, sha256: '0'.repeat(64) })}\n`,
    );
  }
  return root;
}

/** Child mode: one export, timed, with this process's peak RSS. */
async function childExport(root: string): Promise<void> {
  const start = performance.now();
  const { manifest } = await exportDataset({ inputs: [join(root, 'cases')], outDir: join(root, 'out') });
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({
      ms: Math.round(ms),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      exported: manifest.counts.cases_exported,
      records: manifest.counts.records,
    }),
  );
}

function benchExport(count: number) {
  const root = generate(count);
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child-export', root], {
      encoding: 'utf8',
      cwd: join(__dirname, '..'),
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const result = JSON.parse(child.stdout) as { ms: number; peakRssMB: number; exported: number };
    const budgetMs = count <= 7034 ? 2000 : 30000;
    return {
      cases: count,
      ...result,
      casesPerSecond: Math.round((count / result.ms) * 1000),
      budgetMs,
      withinBudget: result.ms <= budgetMs && result.peakRssMB <= 300,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function benchEval(examples: number) {
  const root = mkdtempSync(join(tmpdir(), 'clinalign-bench-eval-'));
  const server = await OpenAiTestServer.start({ script: scriptedModel(), latencyMs: 300 });
  try {
    const data: string[] = [];
    const responses: string[] = [];
    for (let i = 0; i < examples; i++) {
      const rubrics = Array.from({ length: 12 }, (_, k) => ({
        criterion: `Mentions ${['meningitis', 'emergency', 'fever', 'headache'][k % 4]} in item ${k}`,
        points: k % 4 === 3 ? -3 : 5,
        tags: ['level:example', `axis:${AXES[k % 5]}`],
      }));
      data.push(
        JSON.stringify({
          prompt_id: `e${i}`,
          prompt: [{ role: 'user', content: `Headache and stiff neck, case ${i}` }],
          rubrics,
          example_tags: [`theme:${['emergency_referrals', 'hedging', 'communication'][i % 3]}`],
        }),
      );
      responses.push(
        JSON.stringify({ prompt_id: `e${i}`, response: `Possible meningitis: call emergency services. (${i})` }),
      );
    }
    writeFileSync(join(root, 'set.jsonl'), data.join('\n'));
    writeFileSync(join(root, 'responses.jsonl'), responses.join('\n'));
    const judge = new ModelClient({
      config: endpointConfigSchema.parse({ baseUrl: server.baseUrl, model: 'bench-judge', maxConcurrency: 32 }),
      cache: new MemoryJudgeCache(),
      modeMemory: new StructuredModeMemory(),
    });
    const start = performance.now();
    const report = await runEval({
      data: join(root, 'set.jsonl'),
      responses: { kind: 'file', file: join(root, 'responses.jsonl') },
      judge,
    });
    const ms = performance.now() - start;
    const calls = judge.usage.requests;
    return {
      examples,
      itemsPerExample: 12,
      latencyMs: 300,
      concurrency: 32,
      ms: Math.round(ms),
      judgeCalls: calls,
      callsPerSecond: Math.round((calls / ms) * 1000 * 10) / 10,
      idealMs: Math.round((calls * 300) / 32),
      maxInFlight: server.maxInFlight,
      score: report.score,
      withinBudget: examples < 1000 ? null : ms <= 180_000,
      projectedMsFor1000x12: Math.round((ms / calls) * 12000),
    };
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function main() {
  const childAt = process.argv.indexOf('--child-export');
  if (childAt >= 0) return childExport(process.argv[childAt + 1]!);
  const sizes = flag('sizes', '7034,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const evalExamples = Number(flag('eval-examples', '1000'));
  const exportFigures = sizes.map(benchExport);
  const evalFigures = evalExamples > 0 ? await benchEval(evalExamples) : null;
  console.log(JSON.stringify({ export: exportFigures, eval: evalFigures }, null, 2));
}

void main();
