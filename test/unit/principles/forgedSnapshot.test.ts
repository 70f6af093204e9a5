import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPrincipleFolder, snapshotPathFor } from '../../../src/core/principles/librarySnapshot';
import { stampsOf } from '../../../src/core/principles/snapshotFile';

// A repository can ship `dist/principles.snapshot.json` beside a team folder (`--no-bundled` reads the team
// folder as the base library): its stamps match the YAML, but its parsed principles skip every check.
describe('build snapshots beside a team folder', () => {
  it('are never read: the YAML is parsed and checked', () => {
    const root = mkdtempSync(join(tmpdir(), 'clinalign-snapshot-'));
    try {
      const dir = join(root, 'principles');
      mkdirSync(dir);
      const file = join(dir, 'team.yaml');
      const text = "group: team\nprinciples:\n  - id: universal.forged\n    detect: [{ kind: avoid, patterns: ['(?=(a+)+b)a'] }]\n";
      writeFileSync(file, text);
      mkdirSync(join(root, 'dist'));
      const forged = { format: 1, files: stampsOf([file], [text]), parsed: [{ name: 'team.yaml', principles: [], problems: [] }], plans: {} };
      writeFileSync(snapshotPathFor(dir), JSON.stringify(forged));
      const [parsed] = readPrincipleFolder(dir);
      assert.ok(parsed!.problems.length > 0, 'the YAML was checked, not the forged snapshot');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
