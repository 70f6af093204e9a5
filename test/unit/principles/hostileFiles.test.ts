import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConceptFiles } from '../../../src/core/concepts/loadLexicon';
import { parseConceptFile } from '../../../src/core/concepts/parseConceptFile';
import { PrincipleLibraryLoader } from '../../../src/core/principles/libraryLoader';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { parsePrincipleFile } from '../../../src/core/principles/parsePrincipleFile';
import { FIXTURES } from '../fixtureLibrary';

const bundled = join(FIXTURES, 'principles');
const VALID = `group: team
principles:
  - id: universal.team-rule
    title: A valid principle
    dimension: universal
    statement: Says something checkable here.
    rationale: Because it matters clinically.
    severity: warning
    rubric: { criterion: Does the checkable thing., points: 3, axis: accuracy }
    examples: [{ answer: bad, violates: true }, { answer: good, violates: false }]
    sources: [A real standard]
`;
const BOMB = `group: team\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nprinciples: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
const HUGE = `group: team\n# ${'x'.repeat(1536 * 1024)}\nprinciples: []\n`;
const DEEP = `group: team\nprinciples: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;

const created: string[] = [];
after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinalign-hostile-team-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('hostile team principle and concept files: a located error each, never a throw', () => {
  it('parsePrincipleFile: aliases that expand too much, deep nesting and an oversized text are problems', () => {
    const bomb = parsePrincipleFile('bomb.yaml', BOMB, true);
    assert.equal(bomb.problems.length, 1);
    assert.match(bomb.problems[0]!.message, /aliases expand too much/);
    assert.deepEqual([bomb.problems[0]!.line, bomb.problems[0]!.column], [2, 7]);
    assert.match(parsePrincipleFile('deep.yaml', DEEP, true).problems[0]!.message, /nested more than 64 levels deep/);
    assert.deepEqual(parsePrincipleFile('huge.yaml', HUGE, true), {
      file: 'huge.yaml',
      principles: [],
      patches: [],
      problems: [{ file: 'huge.yaml', line: 0, column: 0, message: 'principle file is 1.5 MB; the limit is 1 MB' }],
    });
  });

  it('loadPrinciples (CLI) and the editor loader report each hostile team file and load the good one', () => {
    const team = folder({ 'a-bomb.yaml': BOMB, 'b-huge.yaml': HUGE, 'c-deep.yaml': DEEP, 'd-good.yaml': VALID });
    for (const library of [loadPrinciples(bundled, [team]), new PrincipleLibraryLoader(bundled).load([team])]) {
      assert.ok(library.principles.some((p) => p.id === 'universal.team-rule'), 'the good file loads');
      const problemFiles = [...new Set(library.problems.map((p) => p.file))].map((f) => f.slice(team.length + 1)).sort();
      assert.deepEqual(problemFiles, ['a-bomb.yaml', 'b-huge.yaml', 'c-deep.yaml']);
      assert.ok(library.problems.some((p) => p.message === 'principle file is 1.5 MB; the limit is 1 MB'), JSON.stringify(library.problems));
    }
  });

  it('concept files: the same caps and limits', () => {
    assert.deepEqual(parseConceptFile('huge.yaml', HUGE, true).problems, [{ file: 'huge.yaml', line: 0, column: 0, message: 'concept file is 1.5 MB; the limit is 1 MB' }]);
    assert.match(parseConceptFile('bomb.yaml', BOMB.replace('principles', 'concepts'), true).problems[0]!.message, /aliases expand too much/);
    const dir = folder({ 'huge.yaml': HUGE, 'deep.yaml': DEEP });
    const parsed = readConceptFiles([dir], true);
    assert.deepEqual(parsed.map((p) => p.problems[0]?.message), ['YAML is nested more than 64 levels deep; the limit is 64', 'concept file is 1.5 MB; the limit is 1 MB']);
  });
});
