import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHealthBenchJsonl } from '../src/core/dataset/healthbenchRecord';

const SAMPLE = join(__dirname, '..', 'test', 'fixtures', 'healthbench', 'oss_eval_first30.jsonl');

/** Sentences that trip detectors, mixed into generated text so the benchmark pays for findings too. */
const SEASONING = [
  'Take 10 IU q.d. with food.',
  'Your hypertension raises the risk of renal disease.',
  'This supplement is a guaranteed cure.',
  'Give 5.0 mg at night and .5 mg in the morning.',
  'The addict should try to get clean.',
];

/** The physician-written answers of the HealthBench sample. */
export function idealCompletions(): string[] {
  return parseHealthBenchJsonl(readFileSync(SAMPLE, 'utf8'))
    .map((r) => r.ideal_completions_data?.ideal_completion)
    .filter((a): a is string => typeof a === 'string');
}

/** Deterministic text of about `words` words: real answer sentences, shuffled, with some findings mixed in. */
export function generatedAnswer(words: number, seed = 1): string {
  const sentences = idealCompletions().flatMap((a) => a.split(/(?<=[.!?])\s+/));
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence =
      random() < 0.05
        ? SEASONING[Math.floor(random() * SEASONING.length)]!
        : sentences[Math.floor(random() * sentences.length)]!;
    parts.push(sentence);
    count += sentence.split(/\s+/).length;
    if (random() < 0.15) parts.push('\n\n');
  }
  return parts.join(' ');
}
