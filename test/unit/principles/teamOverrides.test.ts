import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrincipleLibraryLoader } from '../../../src/core/principles/libraryLoader';
import { disablePrincipleInTeamFile } from '../../../src/core/principles/teamOverrides';
import { FIXTURES } from '../fixtureLibrary';

const ID = 'universal.safe-abbreviations';

describe('disablePrincipleInTeamFile', () => {
  it('creates a team file when there is none', () => {
    const expected = `group: team\nprinciples:\n  - id: ${ID}\n    disabled: true\n`;
    assert.equal(disablePrincipleInTeamFile(undefined, ID), expected);
    assert.equal(disablePrincipleInTeamFile('  \n', ID), expected);
    assert.equal(disablePrincipleInTeamFile('group: team\nprinciples:\n', ID), expected);
  });

  it('appends an entry and keeps comments and other entries', () => {
    const text = '# Our overrides\ngroup: team\nprinciples:\n  # stricter doses\n  - id: universal.no-cure-promises\n    severity: error # agreed 2025\n';
    assert.equal(
      disablePrincipleInTeamFile(text, ID),
      `# Our overrides\ngroup: team\nprinciples:\n  # stricter doses\n  - id: universal.no-cure-promises\n    severity: error # agreed 2025\n  - id: ${ID}\n    disabled: true\n`,
    );
  });

  it('sets the field on an existing entry for the id instead of adding a second one', () => {
    const text = `group: team\nprinciples:\n  - id: ${ID}\n    severity: info\n`;
    assert.equal(disablePrincipleInTeamFile(text, ID), `group: team\nprinciples:\n  - id: ${ID}\n    severity: info\n    disabled: true\n`);
  });

  it('refuses to rewrite a file it cannot read as a team file', () => {
    assert.throws(() => disablePrincipleInTeamFile('group: team\nprinciples: [oops\n', ID), /cannot edit the team file/);
    assert.throws(() => disablePrincipleInTeamFile('- just a list\n', ID), /not a `group:`/);
    assert.throws(() => disablePrincipleInTeamFile('group: team\nprinciples: nope\n', ID), /not a list/);
  });

  it('writes a file the library loader reads as disabling the principle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinalign-team-'));
    try {
      mkdirSync(join(dir, 'team'));
      writeFileSync(join(dir, 'team', 'overrides.yaml'), disablePrincipleInTeamFile(undefined, ID));
      const library = new PrincipleLibraryLoader(join(FIXTURES, 'principles')).load([join(dir, 'team')]);
      assert.deepEqual(library.problems, []);
      assert.equal(library.principles.find((p) => p.id === ID)?.disabled, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
