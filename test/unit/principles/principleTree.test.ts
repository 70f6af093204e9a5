import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { mergeLibrary } from '../../../src/core/principles/mergeLibrary';
import { parsePrincipleFile } from '../../../src/core/principles/parsePrincipleFile';
import { readPrincipleFolder } from '../../../src/core/principles/librarySnapshot';
import { buildPrincipleTree, matchesFilter, type PrincipleNode } from '../../../src/core/catalogue/principleTree';
import {
  appliesText,
  brokenFileLabel,
  brokenFileTooltip,
  dimensionDescription,
  principleDescription,
  principleTooltip,
} from '../../../src/core/catalogue/principleTreeText';
import { escapeMarkdown } from '../../../src/core/untrusted/escapeMarkdown';
import { FIXTURES, scenario } from '../fixtureLibrary';
import { unescapedMarkup } from '../untrusted/unescapedMarkup';

const BUNDLED = join(FIXTURES, 'principles');
const sample = () => loadPrinciples(BUNDLED).principles;

/** The sample library with a team file that overrides one principle and disables another. */
function withTeamFile() {
  const team = parsePrincipleFile(
    '/ws/.clinalign/principles/team.yaml',
    ['group: team', 'principles:', '  - id: universal.no-cure-promises', '    severity: error', '  - id: expertise.hypertension-plain', '    disabled: true', ''].join('\n'),
    true,
  );
  const library = mergeLibrary(readPrincipleFolder(BUNDLED), [team]);
  assert.deepEqual(library.problems, []);
  return library.principles;
}

const node = (tree: ReturnType<typeof buildPrincipleTree>, id: string): PrincipleNode => {
  const found = tree.dimensions.flatMap((d) => d.principles).find((n) => n.principle.id === id);
  assert.ok(found, `no node for ${id}`);
  return found;
};

describe('principle explorer tree', () => {
  it('groups every principle under its dimension, in the fixed dimension order and library order', () => {
    const tree = buildPrincipleTree(sample());
    assert.deepEqual(
      tree.dimensions.map((d) => [d.dimension, d.total, d.principles.map((n) => n.principle.id)]),
      [
        ['urgency', 1, ['urgency.call-emergency-for-chest-pain']],
        ['uncertainty', 0, []],
        ['expertise', 2, ['expertise.short-sentences-for-lay-readers', 'expertise.hypertension-plain']],
        ['task', 0, []],
        ['universal', 2, ['universal.safe-abbreviations', 'universal.no-cure-promises']],
      ],
    );
    assert.deepEqual(tree.brokenFiles, []);
    assert.equal(tree.filter, undefined);
  });

  it('says nothing about applying when no case is active', () => {
    const tree = buildPrincipleTree(sample());
    assert.ok(tree.dimensions.every((d) => d.applying === undefined && d.principles.every((n) => n.applies === undefined)));
    assert.equal(dimensionDescription(tree.dimensions[2]!, false), '2');
    assert.doesNotMatch(principleDescription(node(tree, 'expertise.hypertension-plain')), /✓/);
  });

  it('marks the principles that apply to the active case and counts them per dimension', () => {
    const tree = buildPrincipleTree(sample(), { scenario: scenario({ urgency: 'emergent', expertise: 'clinician' }) });
    assert.equal(node(tree, 'urgency.call-emergency-for-chest-pain').applies, true);
    assert.equal(node(tree, 'expertise.short-sentences-for-lay-readers').applies, false);
    assert.equal(node(tree, 'universal.safe-abbreviations').applies, true);
    assert.deepEqual(
      tree.dimensions.map((d) => d.applying),
      [1, 0, 0, 0, 2],
    );
    assert.equal(dimensionDescription(tree.dimensions[0]!, false), '1 · 1 applies');
    assert.equal(dimensionDescription(tree.dimensions[4]!, false), '2 · 2 apply');
    assert.equal(principleDescription(node(tree, 'urgency.call-emergency-for-chest-pain')), '✓ urgency.call-emergency-for-chest-pain · error');
  });

  it('an unknown label does not satisfy a principle that names labels', () => {
    const tree = buildPrincipleTree(sample(), { scenario: scenario() });
    assert.equal(node(tree, 'urgency.call-emergency-for-chest-pain').applies, false);
    assert.equal(node(tree, 'universal.no-cure-promises').applies, true);
  });

  it('filters by case-insensitive substring of id, title or statement and drops empty dimensions', () => {
    const principles = sample();
    const byId = buildPrincipleTree(principles, { filter: '  EXPERTISE.hyper ' });
    assert.equal(byId.filter, 'EXPERTISE.hyper');
    assert.deepEqual(
      byId.dimensions.map((d) => [d.dimension, d.principles.map((n) => n.principle.id)]),
      [['expertise', ['expertise.hypertension-plain']]],
    );
    assert.equal(dimensionDescription(byId.dimensions[0]!, true), '1 of 2');
    const chest = principles.find((p) => p.id === 'urgency.call-emergency-for-chest-pain')!;
    assert.ok(matchesFilter(chest, chest.title.slice(3, 12).toUpperCase()));
    assert.ok(matchesFilter(chest, chest.statement.slice(5, 20)));
    assert.equal(matchesFilter(chest, 'no such words'), false);
    assert.deepEqual(buildPrincipleTree(principles, { filter: 'no such words' }).dimensions, []);
  });

  it('a blank filter shows everything', () => {
    const tree = buildPrincipleTree(sample(), { filter: '   ' });
    assert.equal(tree.filter, undefined);
    assert.equal(tree.dimensions.length, 5);
  });

  it('counts applying principles among those the filter shows', () => {
    const tree = buildPrincipleTree(sample(), { filter: 'universal.safe', scenario: scenario() });
    assert.deepEqual(tree.dimensions.map((d) => [d.dimension, d.principles.length, d.total, d.applying]), [['universal', 1, 2, 1]]);
    assert.equal(dimensionDescription(tree.dimensions[0]!, true), '1 of 2 · 1 applies');
  });

  it('marks team overrides and team-disabled principles, with the file and line in the tooltip', () => {
    const tree = buildPrincipleTree(withTeamFile(), { scenario: scenario({ expertise: 'layperson' }) });
    const overridden = node(tree, 'universal.no-cure-promises');
    assert.equal(overridden.principle.severity, 'error');
    assert.equal(overridden.disabledBy, undefined);
    assert.equal(principleDescription(overridden), '✓ universal.no-cure-promises · error · team override');
    const display = (file: string) => file.replace('/ws/', '');
    assert.match(principleTooltip(overridden, display), /Team override in `\.clinalign\/principles\/team\.yaml:3`/);

    const disabled = node(tree, 'expertise.hypertension-plain');
    assert.deepEqual(disabled.disabledBy, { kind: 'file', location: { file: '/ws/.clinalign/principles/team.yaml', line: 4, column: 4 } });
    assert.equal(disabled.applies, false, 'a disabled principle never applies');
    assert.equal(principleDescription(disabled), 'expertise.hypertension-plain · warning · disabled');
    const tooltip = principleTooltip(disabled, display, scenario({ expertise: 'layperson' }));
    assert.match(tooltip, /Disabled by `\.clinalign\/principles\/team\.yaml:5`/);
    assert.match(tooltip, /\*\*Active case:\*\* does not apply \(switched off\)/);
  });

  it('shows a hostile team file\'s text as text: no image, link or HTML in the tooltip', () => {
    const team = parsePrincipleFile(
      '/ws/.clinalign/principles/evil`[f](command:x).yaml',
      [
        'group: team',
        'principles:',
        '  - id: universal.hostile-text',
        '    title: "![x](http://evil/pixel.png) Title"',
        '    dimension: universal',
        '    statement: "Click [link](command:clinalign.disablePrincipleForTeam) or <img src=x onerror=alert(1)> www.evil.example"',
        '    rationale: Ten characters at least.',
        '    severity: info',
        '    rubric: { criterion: Says what to do now., points: 1, axis: accuracy }',
        '    examples: [{ answer: a, violates: true }, { answer: b, violates: false }]',
        '    sources: ["[source](https://evil.example)"]',
        '',
      ].join('\n'),
      true,
    );
    assert.deepEqual(team.problems, []);
    const tree = buildPrincipleTree(mergeLibrary(readPrincipleFolder(BUNDLED), [team]).principles, { scenario: scenario() });
    const tooltip = principleTooltip(node(tree, 'universal.hostile-text'), (f) => f, scenario());
    assert.deepEqual(unescapedMarkup(tooltip), []);
    assert.ok(tooltip.startsWith('**\\!\\[x\\]\\(http\\://evil/pixel\\.png\\) Title**'), tooltip);
    assert.match(tooltip, /www\\\.evil\\\.example/, 'no bare www. link');
    assert.match(tooltip, /Defined in ``\/ws\/\.clinalign\/principles\/evil`\[f\]\(command:x\)\.yaml:3``/);
  });

  it('marks principles switched off in settings', () => {
    const tree = buildPrincipleTree(sample(), { disabledIds: new Set(['universal.safe-abbreviations']), scenario: scenario() });
    const off = node(tree, 'universal.safe-abbreviations');
    assert.deepEqual(off.disabledBy, { kind: 'setting' });
    assert.equal(off.applies, false);
    assert.equal(principleDescription(off), 'universal.safe-abbreviations · error · disabled in settings');
    assert.match(principleTooltip(off), /clinalign\.disabledPrinciples/);
  });

  it('shows the severity as remapped in settings, and `off` as switched off', () => {
    const tree = buildPrincipleTree(sample(), {
      severityMap: { expertise: 'hint', 'expertise.hypertension-plain': 'error', 'universal.no-cure-promises': 'off', universal: 'bogus' },
    });
    const byDimension = node(tree, 'expertise.short-sentences-for-lay-readers');
    assert.equal(byDimension.severity, 'hint');
    assert.equal(principleDescription(byDimension), 'expertise.short-sentences-for-lay-readers · hint');
    assert.match(principleTooltip(byDimension), /· hint \(info in its file; remapped in `clinalign\.severity`\) ·/);
    assert.equal(node(tree, 'expertise.hypertension-plain').severity, 'error', 'an id wins over its dimension');
    const off = node(tree, 'universal.no-cure-promises');
    assert.deepEqual(off.disabledBy, { kind: 'setting' });
    assert.equal(principleDescription(off), 'universal.no-cure-promises · warning · disabled in settings');
    assert.equal(node(tree, 'universal.safe-abbreviations').severity, 'error', 'an unknown value is ignored');
    assert.doesNotMatch(principleTooltip(node(tree, 'universal.safe-abbreviations')), /remapped/);
  });

  it('the tooltip gives statement, applies labels, sources and why it does not apply to the case', () => {
    const tree = buildPrincipleTree(sample(), { scenario: scenario({ urgency: 'non-emergent' }) });
    const chest = node(tree, 'urgency.call-emergency-for-chest-pain');
    const tooltip = principleTooltip(chest, (f) => f, scenario({ urgency: 'non-emergent' }));
    assert.ok(tooltip.startsWith(`**${escapeMarkdown(chest.principle.title)}**`));
    assert.ok(tooltip.includes(escapeMarkdown(chest.principle.statement.trim())));
    assert.match(tooltip, /\*\*Applies to:\*\* urgency: emergent/);
    assert.match(tooltip, /\*\*Active case:\*\* does not apply \(urgency is non-emergent\)/);
    for (const source of chest.principle.sources) assert.ok(tooltip.includes(`- ${escapeMarkdown(source)}`));
    assert.match(tooltip, new RegExp(`Defined in \`.*sample\\.yaml:${chest.principle.location.line + 1}\``));
    assert.doesNotMatch(principleTooltip(buildPrincipleTree(sample()).dimensions[0]!.principles[0]!), /Active case/);
  });

  it('applies text lists each named dimension, or every case', () => {
    const principles = sample();
    assert.equal(appliesText(principles.find((p) => p.id === 'universal.safe-abbreviations')!), 'every case');
    assert.equal(appliesText({ ...principles[0]!, applies: { urgency: ['emergent', 'conditionally-emergent'], task: ['advice'] } }), 'urgency: emergent, conditionally-emergent; task: advice');
  });

  it('lists broken files first, sorted, with a label and a tooltip that says the last good version is in use', () => {
    const tree = buildPrincipleTree(sample(), { brokenFiles: new Set(['/ws/.clinalign/principles/z.yaml', '/ws/.clinalign/principles/a.yaml']), filter: 'nothing matches this' });
    assert.deepEqual(tree.brokenFiles.map((b) => b.file), ['/ws/.clinalign/principles/a.yaml', '/ws/.clinalign/principles/z.yaml']);
    assert.equal(brokenFileLabel(tree.brokenFiles[0]!), '⚠ a.yaml has problems');
    const tooltip = brokenFileTooltip(tree.brokenFiles[0]!, (f) => f.replace('/ws/', ''), 'bad indentation');
    assert.match(tooltip, /^\.clinalign\/principles\/a\.yaml has problems: bad indentation/);
    assert.match(tooltip, /last good version/);
  });
});
