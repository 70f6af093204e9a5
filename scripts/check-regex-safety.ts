// `npm run check:regex`: proves which bundled detector patterns the backtracking engine may run, and writes
// the proofs to src/core/text/regexSafetyVerdicts.json. Patterns without a proof run on RE2 (linear) at
// run time. Needs recheck's native checker (linux-x64/macOS/Windows optional dependency); takes minutes, so
// earlier verdicts are kept and only new patterns are checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { afterLeadingAnyRun, isSimpleBounded, lookaroundParts } from '../src/core/lint/lookaroundParts';
import { patternKey } from '../src/core/text/regexEngine';
import { parse } from 'yaml';
import { principleFilesIn } from '../src/core/principles/loadPrinciples';
import { principlePatterns } from '../src/core/principles/principlePatterns';

const FILE = join(__dirname, '..', 'src', 'core', 'text', 'regexSafetyVerdicts.json');
const CHECKER =
  'recheck 4.5 automaton checker, flags iu; lookarounds split, bodies anchored, simple bounded patterns counted (lookaroundParts.ts)';
// `-- --retry-unproven --timeout 30000`: try the patterns without a proof again, with more time each (on a
// busy machine the checker can run out of time on a pattern it would prove).
const RETRY_UNPROVEN = process.argv.includes('--retry-unproven');
const TIMEOUT_MS = Number(process.argv[process.argv.indexOf('--timeout') + 1]) || 5000;

interface Verdicts {
  checker: string;
  safe: string[];
  notProven: string[];
}

/** Linear by recheck's automaton checker (a proof; its fuzz checker only searches for attacks). */
function automatonSafe(source: string): boolean {
  const result = checkSync(source, 'iu', { timeout: TIMEOUT_MS });
  return result.status === 'safe' && result.checker === 'automaton';
}

function provenLinear(source: string): boolean {
  if (isSimpleBounded(source)) return true;
  const parts = lookaroundParts(source);
  if (!parts || parts.hasBackreference) return false;
  if (parts.bodies.length === 0) return automatonSafe(source);
  return provenLinear(parts.skeleton) && parts.bodies.every(bodyProven);
}

/** A body runs anchored where its lookaround stands: bounded ones are proven as `^(?:body)`. */
function bodyProven(body: { source: string; bounded: boolean; atTextStart: boolean }): boolean {
  if (body.bounded) return provenLinear(`^(?:${body.source})`);
  if (!body.atTextStart) return false;
  // Run once at the start of the text: `[\s\S]*X` costs what a scan for X from every position costs.
  const rest = afterLeadingAnyRun(body.source);
  return rest !== undefined ? provenLinear(rest) : provenLinear(`^(?:${body.source})`);
}

const previous: Verdicts = JSON.parse(readFileSync(FILE, 'utf8'));
const known = new Map<string, boolean>([
  ...previous.safe.map((k) => [k, true] as const),
  ...(previous.notProven ?? []).map((k) => [k, false] as const),
]);
const sameChecker = previous.checker === CHECKER;
// The raw YAML, not the loader: the loader refuses exactly the patterns this script has not proven yet.
const files = principleFilesIn(join(__dirname, '..', 'principles'));
const patterns = principlePatterns(files.map((file) => parse(readFileSync(file, 'utf8'))));
const verdicts: Verdicts = { checker: CHECKER, safe: [], notProven: [] };
let checked = 0;
for (const source of patterns) {
  const key = patternKey(source);
  // A proof stays a proof; a pattern without one is checked again when the method changed.
  let safe = known.get(key);
  if (safe === false && !sameChecker && /\(\?<?[=!]/.test(source)) safe = undefined;
  if (safe === false && isSimpleBounded(source)) safe = true;
  if (safe === false && RETRY_UNPROVEN) safe = undefined;
  if (safe === undefined) {
    safe = provenLinear(source);
    checked++;
  }
  (safe ? verdicts.safe : verdicts.notProven).push(key);
}
verdicts.safe.sort();
verdicts.notProven.sort();
writeFileSync(FILE, `${JSON.stringify(verdicts, null, 1)}\n`);
console.log(
  JSON.stringify({
    patterns: patterns.length,
    checked,
    provenLinear: verdicts.safe.length,
    linearEngine: verdicts.notProven.length,
  }),
);
