// Mocha bootstrap that runs INSIDE the real VS Code (Node) extension host.
// scripts/run-integration-tests.mjs opens code-server's workbench with
// extensionTestsPath = out/test/integration/index.js; VS Code then calls run() and exits with 0 when the
// returned promise resolves, 1 when it rejects.
//
// Every `*.test.js` next to this file (recursively; compiled by esbuild.mjs from test/integration/**/*.ts)
// is added in sorted order. Set CLINALIGN_IT_GREP=<regexp> (in the runner's environment) to run a subset.
//
// Results reach the runner as console lines it parses and hides:
//   __EXT_TEST_PROGRESS__{"passed":N,"failed":N,"pending":N}   after every test (partial counts on a hang)
//   __EXT_TEST_RESULT__{"passed":N,"failed":N,"pending":N}     once, when the run ends
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const RESULT_MARKER = '__EXT_TEST_RESULT__';
export const PROGRESS_MARKER = '__EXT_TEST_PROGRESS__';

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return testFilesUnder(full);
      return name.endsWith('.test.js') ? [full] : [];
    });
}

export function run(): Promise<void> {
  // forbidOnly under CI: a forgotten `.only` must not silently skip the rest of the suite.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec', forbidOnly: !!process.env.CI });
  const grep = process.env.CLINALIGN_IT_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  // The Restricted Mode pass (run-integration-tests.mjs --restricted) runs restricted/ only; the normal pass the rest.
  const restricted = process.env.CLINALIGN_IT_RESTRICTED === '1';
  const files = testFilesUnder(__dirname).filter((file) => /[\\/]restricted[\\/]/.test(file) === restricted);
  for (const file of files) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    const counts: Counts = { passed: 0, failed: 0, pending: 0 };
    const progress = (): void => console.log(PROGRESS_MARKER + JSON.stringify(counts));
    try {
      if (files.length === 0) console.log(`[integration] no *.test.js files in ${__dirname}`);
      const runner = mocha.run((failures) => {
        // A failing before/after hook counts as a failure but is not a test: keep the failed count >= failures.
        counts.failed = Math.max(counts.failed, failures);
        console.log(RESULT_MARKER + JSON.stringify(counts));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => {
        counts.passed++;
        progress();
      });
      runner.on('fail', () => {
        counts.failed++;
        progress();
      });
      runner.on('pending', () => {
        counts.pending++;
        progress();
      });
    } catch (err) {
      console.error('[integration] mocha could not start:', err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
