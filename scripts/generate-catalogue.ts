// `npm run docs`: writes docs/principles.md, the catalogue of the bundled principle library.
// test/unit/principles/catalogue.test.ts fails while the committed file differs from this output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPrinciplesDir } from '../src/core/principles/bundledLibrary';
import { loadPrinciples } from '../src/core/principles/loadPrinciples';
import { renderCatalogue } from '../src/core/principles/renderCatalogue';

const { principles, problems } = loadPrinciples(bundledPrinciplesDir(__dirname));
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`);
  console.error('principle library has problems; docs/principles.md not written');
  process.exit(1);
}
const out = join(__dirname, '..', 'docs', 'principles.md');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, renderCatalogue(principles));
console.log(`docs/principles.md: ${principles.length} principles`);
