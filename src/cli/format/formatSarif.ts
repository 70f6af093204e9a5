import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Principle } from '../../core/principles/principle';
import type { Severity } from '../../core/principles/schema';
import { FRONT_MATTER_RULE, type LintRecord } from './lintRecord';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** SARIF 2.1.0 for code-scanning tools; each principle is a rule, locations relative to the working folder. */
export function formatSarif(records: LintRecord[], principles: readonly Principle[], version: string): string {
  const used = new Set(records.map((r) => r.principle));
  const rules = principles
    .filter((p) => used.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.title,
      shortDescription: { text: p.title },
      fullDescription: { text: p.statement },
      help: { text: `${p.rationale}\nSources: ${p.sources.join('; ')}` },
      defaultConfiguration: { level: LEVEL[p.severity] },
      properties: { dimension: p.dimension as string },
    }));
  if (used.has(FRONT_MATTER_RULE)) {
    rules.push({
      id: FRONT_MATTER_RULE,
      name: 'Case front matter',
      shortDescription: { text: 'The case front matter must be valid YAML with the documented fields' },
      fullDescription: { text: 'The case front matter must be valid YAML with the documented fields.' },
      help: { text: 'See the case document format in the README.' },
      defaultConfiguration: { level: 'error' },
      properties: { dimension: 'case' },
    });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'clinalign', version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + '/').href } },
        results: records.map((r) => ({
          ruleId: r.principle,
          ruleIndex: ruleIndex.get(r.principle),
          level: LEVEL[r.severity],
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: relative(process.cwd(), r.file).split('\\').join('/'),
                  uriBaseId: '%SRCROOT%',
                },
                region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
