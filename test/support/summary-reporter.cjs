// Mocha reporter for the unit tests (see .mocharc.json): mocha's own `spec` output, plus the counts written
// to out/test/unit-result.json so scripts/test-summary.mjs can print the combined result of `npm test`.
// Override the output file with --reporter-option output=<path> (relative to the current directory).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;
const DEFAULT_OUTPUT = path.resolve(__dirname, '..', '..', 'out', 'test', 'unit-result.json');

class SummaryReporter extends Spec {
  constructor(runner, options = {}) {
    super(runner, options);
    const reporterOptions = options.reporterOption || options.reporterOptions || {};
    const output = reporterOptions.output ? path.resolve(reporterOptions.output) : DEFAULT_OUTPUT;
    const started = Date.now();
    // Titles and first error lines of the failures, so the combined summary (the tail of a CI log) names them.
    const failures = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      const message = String((err && err.message) || err)
        .split('\n')[0]
        .slice(0, 300);
      failures.push(`${test.fullTitle()}: ${message}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats || this.stats;
      const result = {
        passed: stats.passes,
        failed: stats.failures,
        pending: stats.pending,
        failures,
        durationMs: Date.now() - started,
      };
      // Written atomically (temp file + rename) so a reader never sees half a file.
      fs.mkdirSync(path.dirname(output), { recursive: true });
      const temp = `${output}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(result, null, 2) + '\n');
      fs.renameSync(temp, output);
    });
  }
}

module.exports = SummaryReporter;
