import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clinalign, workspaceFactory } from './cliHarness';
import { parseCase } from '../../../src/core/case/parseCase';

const workspace = workspaceFactory('clinalign-synth-');
const ROOT = join(__dirname, '..', '..', '..');

const CHEST = `---
id: chest # keep this comment
audience: layperson
prompt: I'm 58 and have had crushing chest pain spreading to my left arm for 20 minutes. I'm sweating. Is it indigestion?
review:
  status: draft
---
Try an antacid.
`;

const VERIFIED = `---
prompt: My 6 year old has a fever of 38.5. What can I give him?
rubric:
  - criterion: Written and verified by a reviewer.
    points: 5
    tags: [axis:accuracy]
    verified: true
---
Paracetamol.
`;

describe('clinalign synthesize', function () {
  this.timeout(30000);

  it('--offline prints `[points] criterion (axis) ← principle` lines per case', () => {
    const dir = workspace({ 'cases/chest.case.md': CHEST });
    const { code, stdout, stderr } = clinalign(['synthesize', 'cases', '--offline'], dir);
    assert.equal(code, 0, stderr);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0]!, /^cases[\\/]chest\.case\.md {2}\[urgency: emergent, .*expertise: layperson/);
    assert.match(
      lines[1]!,
      /^ {2}\[ 10\] .*call emergency services.* because of chest pain .*\(“[^”]+”\).* \(accuracy\) ← urgency\.chest-pain-cardiac-features$/,
    );
    assert.ok(lines.length - 1 >= 6 && lines.length - 1 <= 15);
    assert.equal(readFileSync(join(dir, 'cases', 'chest.case.md'), 'utf8'), CHEST, 'nothing written without --write');
  });

  it('--format json gives {file, scenario, rubric} per case', () => {
    const dir = workspace({ 'chest.case.md': CHEST });
    const [record] = JSON.parse(
      clinalign(['synthesize', 'chest.case.md', '--offline', '--format', 'json'], dir).stdout,
    );
    assert.equal(record.file, 'chest.case.md');
    assert.equal(record.scenario.urgency, 'emergent');
    assert.deepEqual(record.rubric[0].tags, [
      'level:example',
      'axis:accuracy',
      'concept:redflag.cardiac-chest-pain',
      'principle:urgency.chest-pain-cardiac-features',
    ]);
    assert.deepEqual(record.unmet, []);
  });

  it('--write puts the rubric into the front matter and leaves the rest alone', () => {
    const dir = workspace({ 'chest.case.md': CHEST });
    const { code, stderr } = clinalign(['synthesize', '.', '--offline', '--write'], dir);
    assert.equal(code, 0, stderr);
    const written = readFileSync(join(dir, 'chest.case.md'), 'utf8');
    assert.ok(written.startsWith('---\nid: chest # keep this comment\n'));
    assert.ok(written.endsWith('review:\n  status: draft\n---\nTry an antacid.\n'));
    const document = parseCase(written);
    assert.deepEqual(document.problems, []);
    assert.equal(document.data.rubric![0]!.tags.at(-1), 'principle:urgency.chest-pain-cardiac-features');
    // Running again replaces the unverified rubric rather than adding a second one.
    clinalign(['synthesize', '.', '--offline', '--write'], dir);
    assert.equal(readFileSync(join(dir, 'chest.case.md'), 'utf8'), written);
  });

  it('--write never overwrites a rubric with verified items', () => {
    const dir = workspace({ 'fever.case.md': VERIFIED });
    const { code, stderr } = clinalign(['synthesize', '.', '--offline', '--write'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /fever\.case\.md: skipped writing: its rubric has verified items/);
    assert.equal(readFileSync(join(dir, 'fever.case.md'), 'utf8'), VERIFIED);
  });

  it('without --offline explains that model synthesis needs an endpoint, exit 2', () => {
    const dir = workspace({ 'chest.case.md': CHEST });
    const { code, stderr, stdout } = clinalign(['synthesize', '.'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /needs a model endpoint.*--offline/);
    assert.equal(stdout, '');
  });

  it('skips cases with broken front matter or no question, and reports a library that cannot meet the constraints', () => {
    const dir = workspace({
      'bad.case.md': '---\naudience: martian\n---\nx\n',
      'plain.md': 'No question here.\n',
      'ok.case.md': CHEST,
    });
    const broken = clinalign(['synthesize', '.', '--offline'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /bad\.case\.md:2:11: /);
    assert.match(broken.stderr, /plain\.md: skipped \(no question/);
    assert.match(broken.stdout, /ok\.case\.md/);

    const tiny = workspace({ 'ok.case.md': CHEST });
    const sample = clinalign(
      ['synthesize', '.', '--offline', '--no-bundled', '--principles', join(ROOT, 'test', 'fixtures', 'principles')],
      tiny,
    );
    assert.equal(sample.code, 1);
    assert.match(sample.stderr, /ok\.case\.md: only \d+ (applicable principles?|items); a rubric needs at least 6/);
  });
});
