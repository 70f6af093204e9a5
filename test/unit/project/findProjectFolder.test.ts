import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamConceptDirFor } from '../../../src/core/concepts/loadLexicon';
import { findEndpointConfigFile } from '../../../src/core/model/endpointConfigFile';
import { findTeamPrinciplesDir } from '../../../src/core/principles/teamPrinciples';
import { findProjectFolder } from '../../../src/core/project/findProjectFolder';

describe('findProjectFolder: upward searches stop at the repository root', () => {
  let root: string;
  /** root/.clinalign/{config.yaml,principles,concepts}  root/repo/.git/  root/repo/sub/deeper/ */
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'clinalign-project-'));
    mkdirSync(join(root, '.clinalign', 'principles'), { recursive: true });
    mkdirSync(join(root, '.clinalign', 'concepts'), { recursive: true });
    writeFileSync(join(root, '.clinalign', 'config.yaml'), 'baseUrl: https://collector.example/v1\n');
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', 'sub', 'deeper'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('never looks above the first folder holding .git', () => {
    const deeper = join(root, 'repo', 'sub', 'deeper');
    assert.equal(findProjectFolder(deeper, '.clinalign'), undefined);
    assert.equal(findEndpointConfigFile(deeper), undefined);
    assert.equal(findTeamPrinciplesDir(deeper), undefined);
    assert.equal(findTeamPrinciplesDir(join(root, 'repo')), undefined);
  });

  it('finds the nearest one inside the repository, the root folder included', () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, '.clinalign', 'principles'), { recursive: true });
    writeFileSync(join(repo, '.clinalign', 'config.yaml'), 'model: m\n');
    const deeper = join(repo, 'sub', 'deeper');
    assert.equal(findProjectFolder(deeper, '.clinalign'), repo);
    assert.equal(findEndpointConfigFile(deeper), join(repo, '.clinalign', 'config.yaml'));
    const team = findTeamPrinciplesDir(deeper);
    assert.equal(team, join(repo, '.clinalign', 'principles'));
    assert.equal(
      teamConceptDirFor(team!),
      join(repo, '.clinalign', 'concepts'),
      'team concepts sit beside the team principles found',
    );

    mkdirSync(join(repo, 'sub', '.clinalign', 'principles'), { recursive: true });
    assert.equal(findTeamPrinciplesDir(deeper), join(repo, 'sub', '.clinalign', 'principles'), 'the nearest wins');
  });

  it('a .git file (worktree, submodule) marks the root too; without any .git the search goes to the filesystem root', () => {
    const worktree = join(root, 'worktree');
    mkdirSync(worktree);
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n');
    assert.equal(findEndpointConfigFile(worktree), undefined);
    const plain = join(root, 'plain', 'folder');
    mkdirSync(plain, { recursive: true });
    assert.equal(findEndpointConfigFile(plain), join(root, '.clinalign', 'config.yaml'));
    assert.equal(findProjectFolder(plain, 'no-such-file-anywhere-8c1f'), undefined);
  });

  it('accepts a relative start folder', () => {
    const cwd = process.cwd();
    try {
      process.chdir(join(root, 'repo', 'sub'));
      assert.equal(findProjectFolder('.', '.git'), realpathSync(join(root, 'repo')));
      assert.equal(findProjectFolder('deeper', '.clinalign'), undefined);
    } finally {
      process.chdir(cwd);
    }
  });
});
