// `node --import tsx scripts/dump-findings.ts [out-file]`: every finding, concept recognition and question
// classification over the repository's texts (the MedQuAD answers, the HealthBench prompts, answers and rubric
// items, the team's clinical set, generated answers and adversarial shapes) under three scenarios, one JSON
// line each, and a hash of them all. Run before and after a change to the lint engine or the recogniser: the
// output must be byte-identical unless the change means to alter a finding.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generatedAnswer } from '../bench/benchCorpus';
import { bundledLexicon } from '../src/core/concepts/loadLexicon';
import { compileLibrary } from '../src/core/lint/compileLibrary';
import { lintAnswer } from '../src/core/lint/lintAnswer';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { classifyQuestion } from '../src/core/scenario/classifyQuestion';
import type { Scenario } from '../src/core/scenario/labels';

const ROOT = join(__dirname, '..');
const jsonLines = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const listIn = (file: string) => {
  const parsed = parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
  return (Array.isArray(parsed) ? parsed : Object.values(parsed as object).find(Array.isArray)) as Record<
    string,
    string | undefined
  >[];
};

const texts: { question: string; answer: string }[] = [];
for (const r of jsonLines('test/fixtures/medquad/medquad-dev.jsonl'))
  texts.push({ question: String(r.question), answer: String(r.answer) });
for (const r of jsonLines('test/fixtures/healthbench/oss_eval_first30.jsonl')) {
  const prompt = r.prompt as { content: string }[];
  const question = prompt.map((m) => m.content).join('\n');
  const ideal = (r.ideal_completions_data as { ideal_completion?: string } | undefined)?.ideal_completion ?? '';
  texts.push({ question, answer: ideal });
  for (const m of prompt) texts.push({ question: '', answer: m.content });
  for (const item of r.rubrics as { criterion: string }[]) texts.push({ question, answer: item.criterion });
}
for (const a of listIn('test/clinical/answers.yaml'))
  texts.push({ question: a.question ?? '', answer: a.answer ?? '' });
for (const q of listIn('test/clinical/questions.yaml')) texts.push({ question: '', answer: q.question ?? '' });
for (let i = 0; i < 60; i++)
  texts.push({
    question: 'My father has chest pain, should I give aspirin?',
    answer: generatedAnswer(300 + i * 40, i + 1),
  });
for (const unit of [
  'hypertension q.d. addict guaranteed cure 5.0 mg ',
  'Take 10 IU q.d. with food. ',
  'Call 911.\n\n',
  '1.0 ',
  'a@b.',
  'İ😀é’ ',
  'if you ',
])
  texts.push({ question: '', answer: unit.repeat(Math.ceil(20_000 / unit.length)) });

const SCENARIOS: Scenario[] = [
  { urgency: 'emergent', uncertainty: 'reducible', expertise: 'layperson', task: 'advice' },
  { urgency: 'unknown', uncertainty: 'unknown', expertise: 'unknown', task: 'unknown' },
  { urgency: 'non-emergent', uncertainty: 'irreducible', expertise: 'clinician', task: 'health-data' },
];

const library = compileLibrary(loadPrinciples(bundledPrinciplesDir()).principles);
const lexicon = bundledLexicon();
const lines: string[] = [];
let findings = 0;
for (const { question, answer } of texts) {
  for (const scenario of SCENARIOS) {
    library.paragraphs.clear();
    const found = lintAnswer(library, { answer, question, scenario });
    findings += found.length;
    lines.push(JSON.stringify(found));
  }
}
for (const { question, answer } of texts) {
  for (const text of [question, answer]) {
    const r = lexicon.recognise(text);
    lines.push(JSON.stringify([r.mentions, [...r.contextBits], r.language]));
  }
}
for (const { question, answer } of texts) lines.push(JSON.stringify(classifyQuestion(question || answer)));
const hash = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
if (process.argv[2]) writeFileSync(process.argv[2], `${lines.join('\n')}\n`);
console.log(JSON.stringify({ texts: texts.length, scenarios: SCENARIOS.length, findings, hash }));
