import assert from 'node:assert/strict';
import { principleDocumentMarkdown, principleHoverMarkdown } from '../../../src/core/principles/principleMarkdown';
import { escapeMarkdown } from '../../../src/core/untrusted/escapeMarkdown';
import { sampleLibrary } from '../fixtureLibrary';

const principle = sampleLibrary().principles.find((p) => p.id === 'universal.safe-abbreviations')!;

describe('principle Markdown', () => {
  it('escapes principle text so YAML cannot inject links, HTML or formatting', () => {
    assert.equal(escapeMarkdown('[x](command:evil) <b>*hi*</b>'), '\\[x\\]\\(command\\:evil\\) \\<b\\>\\*hi\\*\\</b\\>');
    assert.equal(escapeMarkdown('two\n  lines'), 'two lines');
  });

  it('the hover starts with the links, then title, id, statement, rationale, sources and a passing example', () => {
    const markdown = principleHoverMarkdown(principle, [
      { label: 'Open principle', href: 'command:a?%5B%5D' },
      { label: 'Disable for this file', href: 'command:b' },
    ]);
    // Links first: a long principle would otherwise push them below the hover's fold (issue 15).
    assert.ok(markdown.startsWith('[Open principle](command:a?%5B%5D) · [Disable for this file](command:b)\n\n**Write doses without error\\-prone abbreviations** — `universal.safe-abbreviations` (error)'), markdown);
    assert.match(markdown, /Doses use "daily"/);
    assert.match(markdown, /\*Why:\* Abbreviations such as/);
    assert.match(markdown, /\*Sources:\* ISMP List of Error\\-Prone Abbreviations/);
    assert.match(markdown, /\*Passes:\*\n\n> Take 10 units daily\\\.$/);
    assert.ok(!markdown.includes('Take 10 IU'), 'only the passing example is shown');
  });

  it('the hover leaves the statement out when asked (the diagnostic above it already shows it)', () => {
    const markdown = principleHoverMarkdown(principle, [], undefined, { statement: false });
    assert.ok(!markdown.includes('Doses use'), markdown);
    assert.match(markdown, /\*Why:\*/);
  });

  it('the hover says why the principle applies, in the question\'s own words, right under its title', () => {
    const markdown = principleHoverMarkdown(principle, [], 'the question mentions “crushing chest pain” + “sweaty”');
    assert.match(markdown, /\)\n\n\*Applies because\* the question mentions “crushing chest pain” \\\+ “sweaty”\.\n\n/);
  });

  it('the explain page has every section and where the principle is defined', () => {
    const page = principleDocumentMarkdown(principle);
    for (const part of ['# Write doses', '## Why', '## Applies to', 'Every scenario.', '## Rubric template', '+5 points, axis accuracy', '## Automatic checks', '- `replace`', '**Violates**', '**Passes**', '## Sources', 'sample.yaml` line 4.']) {
      assert.ok(page.includes(part), `missing ${part}`);
    }
  });
});
