import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrincipleLibraryLoader } from '../../../src/core/principles/libraryLoader';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { parsePrincipleFile } from '../../../src/core/principles/parsePrincipleFile';
import { FIXTURES } from '../fixtureLibrary';

const bundled = join(FIXTURES, 'principles');
const PRINCIPLE = (id: string, extra = '') => `  - id: ${id}
    title: A valid principle
    dimension: universal
    statement: Says something checkable here.
    rationale: Because it matters clinically.
    severity: warning
    rubric: { criterion: Does the checkable thing., points: 3, axis: accuracy }
    examples:
      - { answer: bad, violates: true }
      - { answer: good, violates: false }
    sources: [A real standard]
${extra}`;

const created: string[] = [];
after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function teamDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinalign-team-'));
  created.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('principle loading', () => {
  it('records the line of every principle', () => {
    const { principles } = loadPrinciples(bundled);
    const first = principles.find((p) => p.id === 'universal.safe-abbreviations')!;
    assert.equal(first.location.line, 3);
    assert.ok(first.location.file.endsWith('sample.yaml'));
  });

  it('reports schema errors at the offending line and keeps the valid principles', () => {
    const text = `group: t\nprinciples:\n${PRINCIPLE('universal.good-one')}  - id: universal.bad-one\n    title: Broken\n    dimension: universal\n    statement: x\n`;
    const parsed = parsePrincipleFile('t.yaml', text, false);
    assert.deepEqual(parsed.principles.map((p) => p.id), ['universal.good-one']);
    assert.ok(parsed.problems.length > 0);
    assert.ok(parsed.problems.every((p) => p.line >= 13), JSON.stringify(parsed.problems));
  });

  it('reports an unknown detector kind and an invalid regex with their positions', () => {
    const unknownKind = PRINCIPLE('universal.weird', '    detect:\n      - kind: shout\n        terms: [x]\n');
    const badRegex = PRINCIPLE('universal.bad-regex', "    detect:\n      - kind: avoid\n        patterns: ['(unclosed']\n");
    const parsed = parsePrincipleFile('t.yaml', `group: t\nprinciples:\n${unknownKind}${badRegex}`, false);
    assert.equal(parsed.principles.length, 0);
    const messages = parsed.problems.map((p) => `${p.line + 1}: ${p.message}`);
    assert.ok(messages.some((m) => /^15: detect\.0\.kind/.test(m)), messages.join(' | '));
    assert.ok(messages.some((m) => /^30: detect\.0\.patterns\.0: invalid regular expression/.test(m)), messages.join(' | '));
  });

  it('reports YAML syntax errors with a position', () => {
    const parsed = parsePrincipleFile('t.yaml', 'group: t\nprinciples:\n  - id: [\n', false);
    assert.equal(parsed.principles.length, 0);
    assert.ok(parsed.problems[0]!.line >= 2);
  });

  it('reports a duplicated id and keeps the first', () => {
    const dir = teamDir({ 'a.yaml': `group: t\nprinciples:\n${PRINCIPLE('universal.twice')}${PRINCIPLE('universal.twice')}` });
    const { principles, problems } = loadPrinciples(dir);
    assert.equal(principles.length, 1);
    assert.match(problems[0]!.message, /duplicate principle id "universal.twice"/);
    assert.equal(problems[0]!.line, 13, "0-based line of the second definition");
  });

  it('team files add principles, override fields by id, and disable principles', () => {
    const dir = teamDir({
      'team.yaml': `group: team\nprinciples:\n${PRINCIPLE('universal.team-rule')}  - id: universal.no-cure-promises\n    severity: error\n  - id: expertise.hypertension-plain\n    disabled: true\n`,
    });
    const { principles, problems } = loadPrinciples(bundled, [dir]);
    assert.deepEqual(problems, []);
    const byId = new Map(principles.map((p) => [p.id, p]));
    assert.ok(byId.has('universal.team-rule'));
    assert.equal(byId.get('universal.no-cure-promises')!.severity, 'error');
    assert.ok(byId.get('universal.no-cure-promises')!.overriddenBy!.file.endsWith('team.yaml'));
    assert.ok(byId.get('universal.no-cure-promises')!.location.file.endsWith('sample.yaml'), 'still opens at the bundled definition');
    assert.equal(byId.get('expertise.hypertension-plain')!.disabled, true);
  });

  it('reports an override of an unknown id and an override that breaks the schema', () => {
    const dir = teamDir({ 'team.yaml': 'group: team\nprinciples:\n  - id: universal.nope\n    severity: error\n  - id: universal.no-cure-promises\n    severity: loud\n' });
    const { problems } = loadPrinciples(bundled, [dir]);
    assert.match(problems[0]!.message, /no principle "universal.nope"/);
    assert.equal(problems[1]!.line, 5);
    assert.match(problems[1]!.message, /severity/);
  });

  it('keeps the last good team file in use while a broken version is reported', () => {
    const dir = teamDir({ 'team.yaml': 'group: team\nprinciples:\n  - id: universal.no-cure-promises\n    severity: error\n' });
    const texts = new Map<string, string>();
    const loader = new PrincipleLibraryLoader(bundled);
    const read = (file: string) => texts.get(file) ?? readFileSync(file, 'utf8');
    const good = loader.load([dir], read);
    assert.equal(good.principles.find((p) => p.id === 'universal.no-cure-promises')!.severity, 'error');
    texts.set(join(dir, 'team.yaml'), 'group: team\nprinciples:\n  - id: [broken\n');
    const broken = loader.load([dir], read);
    assert.ok(broken.problems.length > 0);
    assert.ok(broken.brokenFiles.has(join(dir, 'team.yaml')));
    assert.equal(broken.principles.find((p) => p.id === 'universal.no-cure-promises')!.severity, 'error');
  });
});
