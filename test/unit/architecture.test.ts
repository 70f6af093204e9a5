import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importCycles, runtimeImports } from '../support/importGraph';
import { moduleState } from '../support/moduleState';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('src/core never imports vscode (it must run in the CLI and in tests without an editor)', () => {
    const offenders = sourceFiles(join(ROOT, 'src', 'core')).filter((file) =>
      /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offenders.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('src/core and src/cli never import from src/extension', () => {
    const files = [...sourceFiles(join(ROOT, 'src', 'core')), ...sourceFiles(join(ROOT, 'src', 'cli'))];
    const offenders = files.filter((file) => /from\s+['"][./]*\/extension\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('src/core touches the disk only through the file-system port (nodeFileSystem is its one node:fs adapter)', () => {
    const core = join(ROOT, 'src', 'core');
    const offenders = sourceFiles(core)
      .map((file) => relative(core, file))
      .filter((file) => file !== NODE_FILE_SYSTEM)
      .filter((file) => NODE_FS_IMPORT.test(readFileSync(join(core, file), 'utf8')));
    assert.deepEqual(offenders, [], 'take a FileSystemPort (src/core/project/fileSystemPort.ts) instead');
  });

  it('src/core keeps no mutable state at module level: caches belong to an object (a library, a loader, a task)', () => {
    const core = join(ROOT, 'src', 'core');
    const offenders = sourceFiles(core).flatMap((file) =>
      moduleState(file).map((state) => `${relative(core, file)}: ${state}`),
    );
    assert.deepEqual(offenders, [], 'move it into the object whose lifetime it shares (see docs/ARCHITECTURE.md)');
  });

  it('src has no import cycles (each module can be loaded, tested and bundled on its own)', () => {
    const cycles = importCycles(sourceFiles(join(ROOT, 'src')));
    assert.deepEqual(
      cycles.map((cycle) => cycle.map((f) => relative(ROOT, f)).join(' -> ')),
      [],
    );
  });

  it('src/core folders import only their own layer or layers below it', () => {
    const core = join(ROOT, 'src', 'core');
    const folders = readdirSync(core).filter((name) => statSync(join(core, name)).isDirectory());
    const unlayered = folders.filter((folder) => !(folder in CORE_LAYERS));
    assert.deepEqual(unlayered, [], 'give each new src/core folder a layer in CORE_LAYERS');
    const upward: string[] = [];
    for (const file of sourceFiles(core)) {
      const from = relative(core, file).split('/')[0]!;
      for (const target of runtimeImports(file)) {
        const to = relative(core, target).split('/')[0]!;
        if (from !== to && CORE_LAYERS[to]! > CORE_LAYERS[from]!)
          upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
      }
    }
    assert.deepEqual(upward, []);
  });
});

/** An import of node:fs in any form: `from`, `require(`, `import(`, a bare `import`, with or without `node:`. */
const NODE_FS_IMPORT = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|\bimport\s+)['"](?:node:)?fs(?:\/promises)?['"]/;

/** The adapter every front end hands the core: the one src/core file that may import node:fs. */
const NODE_FILE_SYSTEM = join('project', 'nodeFileSystem.ts');

/**
 * The layers of src/core, lowest first: text → principles/concepts → case → lint/scenario →
 * rubric/model/workflows → review/dataset/evaluation → serve. A folder may import its own layer and below.
 */
const CORE_LAYERS: Record<string, number> = {
  text: 0,
  yaml: 0,
  untrusted: 0,
  project: 0,
  principles: 1,
  concepts: 1,
  case: 2,
  lint: 3,
  scenario: 3,
  rubric: 4,
  model: 4,
  workflows: 4,
  review: 5,
  dataset: 5,
  evaluation: 5,
  catalogue: 5,
  serve: 6,
};
