import type { CompiledLibrary } from '../lint/compileLibrary';
import { lintAnswer } from '../lint/lintAnswer';
import type { Principle } from '../principles/principle';
import type { Case } from './case';
import type { GradeOptions } from './gradeAnswer';
import { reviseAnswer, type ReviseInput } from './reviseAnswer';
import { DEFAULT_REVISION_ROUNDS, reviseLoop, type StopReason } from './reviseLoop';
import { checkRevisionSafety } from './revisionSafety';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface ReviseCaseOptions extends WorkflowOptions {
  /** The library the safety gate lints with. */
  library: CompiledLibrary;
  /** Revise → grade rounds at most (DEFAULT_REVISION_ROUNDS). */
  rounds?: number | undefined;
  /** Revise against these principles only (a finding's principle); else the case's prompt principles. */
  only?: readonly Principle[] | undefined;
  /** The findings on the draft as the front end shows them; else the library's lint of the answer. */
  findings?: readonly { principleId: string; quote?: string; message: string }[] | undefined;
  gradingMode?: GradeOptions['mode'];
}

export interface CaseRevision {
  /** The body the revision replaces, and the proposed body (the draft when nothing better was found). */
  draft: string;
  answer: string;
  /** True when `answer` differs from the draft: there is something to accept or write. */
  changed: boolean;
  addressedPrinciples: string[];
  summary: string;
  model: string;
  /** Null when it was not graded (no rubric, or one principle only) or the rubric has no positive items. */
  scoreBefore: number | null;
  scoreAfter: number | null;
  judgeModel?: string;
  rounds: number;
  stoppedBecause: StopReason | 'single-round';
  /** Why the proposed answer is less safe than the draft (an ungraded revision is checked after it is made). */
  unsafe: string[];
  /** Why the safety gate refused rounds of the loop. */
  refused: string[];
}

/**
 * The one revise policy, for the CLI, the editor and the tests alike. With a rubric, grade the draft, revise
 * guided by its unmet items, re-grade, and keep the revision only when it is safe and scores higher —
 * repeated up to `rounds` while it keeps improving (reviseLoop). Without a rubric, or against one principle
 * (the rubric judges all of them), one revision is made and checked by the safety gate, and offered with the
 * gate's reasons. The front end shows the result (a diff to accept, or `--write`), never decides it.
 */
export async function reviseCase(client: StructuredClient, c: Case, options: ReviseCaseOptions): Promise<CaseRevision> {
  const draft = c.document.body;
  const principles = options.only ?? c.promptPrinciples;
  const ids = new Set(principles.map((p) => p.id));
  const findings = (options.findings ?? lintFindings(c, options.library)).filter((f) => ids.has(f.principleId));
  const input: ReviseInput = { conversation: c.document.conversation, answer: draft, principles, findings };
  const context = {
    library: options.library,
    question: c.question,
    scenario: c.scenario,
    locale: c.document.data.locale,
  };
  const rubric = options.only ? [] : (c.document.data.rubric ?? []);
  const run = { signal: options.signal, onProgress: options.onProgress };

  if (rubric.length === 0) {
    const revision = await reviseAnswer(client, input, run);
    return {
      draft,
      answer: revision.answer,
      changed: revision.answer !== draft,
      addressedPrinciples: revision.addressedPrinciples,
      summary: revision.summary,
      model: revision.model,
      scoreBefore: null,
      scoreAfter: null,
      rounds: 1,
      stoppedBecause: 'single-round',
      unsafe: checkRevisionSafety(context, draft, revision.answer).reasons,
      refused: [],
    };
  }
  const loop = await reviseLoop(
    client,
    { ...input, rubric },
    {
      ...run,
      maxRounds: options.rounds ?? DEFAULT_REVISION_ROUNDS,
      gradingMode: options.gradingMode,
      safety: (before, after, grades) => checkRevisionSafety(context, before, after, grades),
    },
  );
  const kept = loop.rounds.filter((r) => r.kept);
  const first = loop.rounds[0]?.revision.summary;
  return {
    draft,
    answer: loop.best.answer,
    changed: loop.best.round > 0 && loop.best.answer !== draft,
    addressedPrinciples: [...new Set(kept.flatMap((r) => r.revision.addressedPrinciples))],
    summary: kept.map((r) => r.revision.summary).join(' ') || (first ? `not kept: ${first}` : ''),
    model: client.model,
    scoreBefore: loop.initial.score,
    scoreAfter: loop.best.grade.score,
    judgeModel: loop.best.grade.judgeModel,
    rounds: loop.rounds.length,
    stoppedBecause: loop.stoppedBecause,
    // The loop keeps only safe rounds; its refusals say why nothing changed.
    unsafe: [],
    refused: loop.rounds.flatMap((r) => r.unsafe ?? []),
  };
}

/** The draft's findings by the library's own lint, quoted from the answer. */
function lintFindings(c: Case, library: CompiledLibrary): { principleId: string; quote: string; message: string }[] {
  const draft = c.document.body;
  return lintAnswer(library, {
    answer: draft,
    question: c.question,
    scenario: c.scenario,
    locale: c.document.data.locale,
  }).map((f) => ({ principleId: f.principleId, quote: draft.slice(f.start, f.end), message: f.message }));
}
