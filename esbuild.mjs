// Builds the three bundles of DESIGN.md §2 plus the integration tests that run inside the extension host.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// One id per build, in every bundle and in dist/phrases.snapshot.json: a bundle uses the prebuilt phrase index
// only when the same build wrote it (src/core/concepts/conceptSnapshot.ts). A watch build never writes one.
const buildId = watch ? 'watch' : randomUUID();

const common = {
  bundle: true,
  define: { CLINALIGN_BUILD_ID: JSON.stringify(buildId) },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, suffix) : full.endsWith(suffix) ? [full] : [];
  });
}

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: true,
  },
  {
    ...common,
    entryPoints: ['src/lintWorker.ts'],
    outfile: 'dist/lintWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { ...common.define, CLINALIGN_VERSION: JSON.stringify(version) },
  },
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // Always minified: the panel loads it on every open (lit, six @vscode-elements components, zod/mini).
    minify: true,
  },
  {
    // Integration tests run inside the real extension host: one file per suite, mocha and vscode stay external.
    ...common,
    entryPoints: filesUnder('test/integration', '.ts'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  },
];

const snapshotWriter = {
  ...common,
  entryPoints: ['scripts/write-principle-snapshot.ts'],
  outfile: 'out/write-principle-snapshot.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
};

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all([...builds, snapshotWriter].map((options) => esbuild.build(options)));
  // The bundled library, parsed once here so that activation reads JSON instead of YAML.
  execFileSync(process.execPath, ['out/write-principle-snapshot.js', process.cwd()], { stdio: 'inherit' });
}
