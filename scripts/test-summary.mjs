#!/usr/bin/env node
// Last step of `npm test`: prints the combined result of the unit tests (out/test/unit-result.json, written
// by test/support/summary-reporter.cjs), the integration tests (out/test/integration-result.json, written
// by scripts/run-integration-tests.mjs) and the UI tests (out/test/ui-result.json, written by
// scripts/run-ui-tests.mjs). The LAST line is `N passed, N failed` (plus `, N skipped`).
// Exit code 1 if a result file is missing or anything failed.
// `node scripts/test-summary.mjs --clean` only deletes the result files (run it before the test steps when
// the summary should also run after a failing step, so a crashed step cannot leave stale counts behind).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parts = [
  ['unit', path.join(REPO, 'out', 'test', 'unit-result.json')],
  ['integration', path.join(REPO, 'out', 'test', 'integration-result.json')],
  ['restricted mode', path.join(REPO, 'out', 'test', 'integration-restricted-result.json')],
  ['ui', path.join(REPO, 'out', 'test', 'ui-result.json')],
];

if (process.argv.includes('--clean')) {
  for (const [, file] of parts) rmSync(file, { force: true });
  process.exit(0);
}

const total = { passed: 0, failed: 0, pending: 0 };
let ok = true;
const details = [];
const failureLines = []; // printed just above the totals so the tail of a CI log names what failed
for (const [name, file] of parts) {
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(
      `[test-summary] ${name}: no results in ${path.relative(REPO, file)} (did that step crash?); counted as 1 failure`,
    );
    ok = false;
    total.failed += 1; // so the summary line never reads "…, 0 failed" for a broken run
    details.push(`${name}: no results`);
    continue;
  }
  const passed = Number(r.passed) || 0;
  const failed = Number(r.failed) || 0;
  const pending = Number(r.pending) || 0;
  total.passed += passed;
  total.failed += failed;
  total.pending += pending;
  details.push(`${name}: ${passed} passed, ${failed} failed` + (pending ? `, ${pending} skipped` : ''));
  for (const failure of Array.isArray(r.failures) ? r.failures : [])
    failureLines.push(`[test-summary] ${name} failed: ${failure}`);
}
for (const line of failureLines) console.log(line);
if (details.length) console.log(`[test-summary] ${details.join('; ')}`);
console.log(`${total.passed} passed, ${total.failed} failed` + (total.pending ? `, ${total.pending} skipped` : ''));
process.exit(ok && total.failed === 0 ? 0 : 1);
