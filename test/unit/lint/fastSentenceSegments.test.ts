import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fastSentenceSegments } from '../../../src/core/lint/fastSentenceSegments';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuSegments = (text: string) => [...segmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length]);
const fastSegments = (text: string) => {
  const found: number[][] = [];
  return fastSentenceSegments(text, 0, text.length, (start, end) => void found.push([start, end])) ? found : undefined;
};

describe('fast sentence segments', () => {
  it('break where Intl.Segmenter breaks (property, every rule’s characters)', () => {
    const piece = fc.constantFrom(
      ...['a', 'b', 'e.g', 'A', 'Dr', 'U', 'S', '5', '3', ' ', '  ', '\t', '\n', '\r\n', '\r', '.', '!', '?', '...'],
      ...['"', "'", '(', ')', '[', ']', ',', '-', ':', ';', '#', '&', '%', '/', '’', '‘', '“', '”', '–', '—'],
      ...['°', '±', '×', '≥', '≤', '•', '«', '»', '€', '£', '\u00a0', '\u2009', '\u202f', 'mg', 'Call', 'it'],
      ...['é', 'É', 'ñ', 'Ñ', 'ß', 'ÿ', 'Þ', 'µ', '¿', '¡', '…', '‑', '≈', 'está', 'Él'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(fastSegments(text), icuSegments(text), JSON.stringify(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('break where Intl.Segmenter breaks on real health writing', () => {
    const root = join(__dirname, '..', '..', 'fixtures');
    const texts = [
      ...readFileSync(join(root, 'medquad', 'medquad-dev.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { answer: string }).answer),
      ...readFileSync(join(root, 'healthbench', 'oss_eval_first30.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          const record = JSON.parse(line) as {
            prompt: { content: string }[];
            ideal_completions_data?: { ideal_completion: string };
          };
          return [...record.prompt.map((m) => m.content), record.ideal_completions_data?.ideal_completion ?? ''];
        }),
    ];
    let judged = 0;
    for (const text of texts) {
      for (const block of text.split(/\n\s*\n/)) {
        const fast = fastSegments(block);
        if (!fast) continue;
        judged++;
        assert.deepEqual(fast, icuSegments(block), JSON.stringify(block.slice(0, 200)));
      }
    }
    assert.ok(judged > 3000, `most blocks of real writing take the fast path (${judged})`);
  });

  it('leaves text with a character it does not classify to Intl.Segmenter', () => {
    assert.equal(fastSegments('Ελλάδα. Next'), undefined);
    assert.equal(fastSegments('Take 5 μg. Next'), undefined, 'Greek mu, not the micro sign');
  });
});
