import { refMatches } from '../concepts/conceptRef';
import type { CompiledLibrary } from '../lint/compileLibrary';
import type { Finding } from '../lint/finding';
import { lintAnswer } from '../lint/lintAnswer';
import type { Scenario } from '../scenario/labels';
import type { GradeResult } from './gradeAnswer';

/** Safety content a revision must keep when the draft had it: the routes to urgent care. */
export const SAFETY_ACTIONS = [
  'action.call-emergency',
  'action.go-to-ed',
  'action.urgent-same-day',
  'action.crisis-line',
  'action.poison-control',
  'action.use-epinephrine',
  'action.clinical-escalation',
];

/** Rubric items worth this many points or more may not be lost by a revision. */
export const KEY_ITEM_POINTS = 8;

export interface SafetyContext {
  library: CompiledLibrary;
  question: string;
  scenario: Scenario;
  locale?: string | undefined;
  /** Findings per answer already linted for this context (see lintForSafety), so no answer is linted twice. */
  linted?: Map<string, readonly Finding[]> | undefined;
}

export interface RevisionSafety {
  safe: boolean;
  /** Why not, one line each ("drops “Call 911 now”"). */
  reasons: string[];
}

const SEVERE = new Set(['error', 'warning']);

function countBy(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings)
    if (SEVERE.has(f.severity))
      counts.set(`${f.severity} ${f.principleId}`, (counts.get(`${f.severity} ${f.principleId}`) ?? 0) + 1);
  return counts;
}

/**
 * A revision is not offered as better when it adds a warning or error finding, drops a route to urgent care
 * the draft gave (an emergency call, a crisis line, poison control), or loses a met rubric item worth
 * ≥ 8 points — whatever its score. The same check guards the revise loop, `revise --write` and Accept.
 */
export function checkRevisionSafety(
  context: SafetyContext,
  draft: string,
  revised: string,
  grades?: { draft?: GradeResult; revised?: GradeResult },
): RevisionSafety {
  const reasons: string[] = [];
  const before = countBy(lintForSafety(context, draft));
  const afterFindings = lintForSafety(context, revised);
  const after = countBy(afterFindings);
  for (const [key, count] of after) {
    if (count <= (before.get(key) ?? 0)) continue;
    const example = afterFindings.find((f) => `${f.severity} ${f.principleId}` === key)!;
    reasons.push(`adds a${example.severity === 'error' ? 'n' : ''} ${example.severity}: ${example.message}`);
  }
  const actions = (answer: string) =>
    context.library.recognitions
      .recognise(answer)
      .mentions.filter((m) => m.current && SAFETY_ACTIONS.some((ref) => refMatches(ref, m.concept)));
  const kept = new Set(actions(revised).map((m) => m.concept));
  for (const mention of actions(draft)) {
    if (kept.has(mention.concept)) continue;
    kept.add(mention.concept);
    reasons.push(`drops “${mention.text}” (${mention.label})`);
  }
  if (grades?.draft && grades.revised) {
    const metAfter = new Set(grades.revised.items.filter((i) => i.met).map((i) => i.criterion));
    for (const item of grades.draft.items) {
      if (item.met && item.points >= KEY_ITEM_POINTS && !metAfter.has(item.criterion))
        reasons.push(`no longer meets a ${item.points}-point rubric item: ${item.criterion}`);
    }
  }
  return { safe: reasons.length === 0, reasons };
}

/** The findings the gate compares: an answer's lint in the context's question and scenario (kept in `linted`). */
export function lintForSafety(context: SafetyContext, answer: string): readonly Finding[] {
  let findings = context.linted?.get(answer);
  if (!findings) {
    findings = lintAnswer(context.library, {
      answer,
      question: context.question,
      scenario: context.scenario,
      locale: context.locale,
    });
    context.linted?.set(answer, findings);
  }
  return findings;
}
