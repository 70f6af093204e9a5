import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import type { Principle } from '../../../src/core/principles/principle';
import { inline, renderCatalogue } from '../../../src/core/principles/renderCatalogue';
import { AXES, DIMENSIONS } from '../../../src/core/principles/schema';
import { SCENARIO_LABELS, SCENARIO_DIMENSIONS } from '../../../src/core/scenario/labels';

const ROOT = join(__dirname, '..', '..', '..');
const CATALOGUE = join(ROOT, 'docs', 'principles.md');
const library = loadPrinciples(bundledPrinciplesDir());
const principles = library.principles;

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}:\n  committed: ${JSON.stringify(a[i] ?? '<end of file>')}\n  generated: ${JSON.stringify(e[i] ?? '<end of file>')}`;
  }
  return 'no line differs';
}

describe('principle catalogue (docs/principles.md)', () => {
  it('is up to date with principles/*.yaml', () => {
    assert.deepEqual(library.problems, [], 'the bundled library must load without problems');
    assert.ok(existsSync(CATALOGUE), 'docs/principles.md is missing: run `npm run docs`');
    const committed = readFileSync(CATALOGUE, 'utf8').replace(/\r\n/g, '\n');
    const generated = renderCatalogue(principles);
    if (committed !== generated) {
      assert.fail(`docs/principles.md is out of date with principles/*.yaml: run \`npm run docs\` and commit the result.\nFirst difference at ${firstDifference(committed, generated)}`);
    }
  });

  it('lists every principle once, with a link to its YAML line', () => {
    const text = renderCatalogue(principles);
    for (const p of principles) {
      const file = p.location.file.split(/[\\/]/).pop()!;
      assert.equal(text.split(`### \`${p.id}\`\n`).length, 2, `${p.id} appears once as a heading`);
      assert.ok(text.includes(`](../principles/${file}#L${p.location.line + 1})`), `${p.id} links to ${file}#L${p.location.line + 1}`);
      const yamlLine = readFileSync(p.location.file, 'utf8').split(/\r?\n/)[p.location.line]!;
      assert.match(yamlLine, new RegExp(`id: ${p.id.replace(/\./g, '\\.')}\\s*$`), `${p.id}: the linked line defines it`);
    }
  });

  it('keeps file order within each dimension and the dimension order of the schema', () => {
    const text = renderCatalogue(principles);
    const headings = [...text.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    const expected = DIMENSIONS.flatMap((d) => principles.filter((p) => p.dimension === d).map((p) => p.id));
    assert.deepEqual(headings, expected);
    const sections = [...text.matchAll(/^## (\w+)$/gm)].map((m) => m[1]!.toLowerCase());
    assert.deepEqual(sections, ['summary', 'urgency', 'uncertainty', 'expertise', 'task', 'universal']);
  });

  it('escapes table and Markdown characters from the YAML', () => {
    assert.equal(inline('a | b'), 'a \\| b');
    assert.equal(inline('USP <17> [insert dose] *x* `y`'), 'USP &lt;17&gt; \\[insert dose\\] \\*x\\* \\`y\\`');
    assert.equal(inline('two\n  lines'), 'two lines');
  });

  it('is deterministic', () => {
    assert.equal(renderCatalogue(principles), renderCatalogue([...principles]));
    assert.doesNotMatch(renderCatalogue(principles), /\b20\d\d-\d\d-\d\d\b|\/work\/|[A-Z]:\\/);
  });
});

describe('principle counts in the README', () => {
  // The README's counts table must follow the library.
  const tableHeader = '| Dimension | Principles | With detectors |';
  for (const name of ['README.md']) {
    const path = join(ROOT, name);
    const text = existsSync(path) ? readFileSync(path, 'utf8').replace(/\r\n/g, '\n') : '';
    it(`${name}: the counts table matches principles/*.yaml`, () => {
      assert.ok(text.includes(tableHeader), `${name} has no principle counts table`);
      const start = text.indexOf(tableHeader);
      const rows = text.slice(start).split('\n').slice(2).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
      const expected = [...DIMENSIONS, 'all'].map((d) => {
        const group = d === 'all' ? principles : principles.filter((p) => p.dimension === d);
        return `${d}: ${group.length} / ${group.filter((p) => (p.detect?.length ?? 0) > 0).length}`;
      });
      const actual = rows.map((row) => {
        const [label, n, withDetectors] = row.split('|').slice(1).map((c) => c.trim().replace(/\*/g, '').toLowerCase());
        return `${label}: ${n} / ${withDetectors}`;
      });
      assert.deepEqual(actual, expected, `update the counts table in ${name} (see docs/principles.md)`);
    });
  }
});

describe('principle library invariants', () => {
  const byDimension = (d: string) => principles.filter((p) => p.dimension === d);
  const hasDetectors = (p: Principle) => (p.detect?.length ?? 0) > 0;

  it('has at least the 119 principles of the method, with unique ids', () => {
    assert.ok(principles.length >= 119, `${principles.length} principles`);
    const ids = principles.map((p) => p.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('has at least 20 principles in each scenario dimension', () => {
    for (const dimension of ['urgency', 'uncertainty', 'expertise', 'task']) {
      assert.ok(byDimension(dimension).length >= 20, `${dimension}: ${byDimension(dimension).length} principles`);
    }
  });

  it('has at least 40 principles with detectors', () => {
    assert.ok(principles.filter(hasDetectors).length >= 40, `${principles.filter(hasDetectors).length} with detectors`);
  });

  it('gives every principle a source and a violating and a passing example', () => {
    const missing = principles.filter(
      (p) => p.sources.length === 0 || !p.examples.some((e) => e.violates) || !p.examples.some((e) => !e.violates),
    );
    assert.deepEqual(missing.map((p) => p.id), []);
  });

  it('keeps rubric points within -10..10 and never 0', () => {
    const bad = principles.filter((p) => !Number.isInteger(p.rubric.points) || p.rubric.points === 0 || Math.abs(p.rubric.points) > 10);
    assert.deepEqual(bad.map((p) => `${p.id}: ${p.rubric.points}`), []);
  });

  it('has between 20% and 50% negative rubric templates', () => {
    const share = principles.filter((p) => p.rubric.points < 0).length / principles.length;
    assert.ok(share >= 0.2 && share <= 0.5, `${(share * 100).toFixed(1)}% negative`);
  });

  it('uses every rubric axis at least 5 times', () => {
    for (const axis of AXES) {
      const n = principles.filter((p) => p.rubric.axis === axis).length;
      assert.ok(n >= 5, `${axis}: used ${n} times`);
    }
  });

  it('uses only valid scenario labels in `applies`', () => {
    const bad: string[] = [];
    for (const p of principles) {
      for (const [dimension, labels] of Object.entries(p.applies ?? {})) {
        if (!(SCENARIO_DIMENSIONS as string[]).includes(dimension)) {
          bad.push(`${p.id}: unknown dimension ${dimension}`);
          continue;
        }
        const allowed = SCENARIO_LABELS[dimension as keyof typeof SCENARIO_LABELS] as readonly string[];
        if (!Array.isArray(labels) || labels.length === 0) bad.push(`${p.id}: empty ${dimension}`);
        for (const label of (labels as string[] | undefined) ?? []) {
          if (!allowed.includes(label)) bad.push(`${p.id}: ${dimension}: ${label}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });
});
