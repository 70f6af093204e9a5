import * as vscode from 'vscode';
import type { RevisionProposal } from '../../core/case/revisionProposal';
import type { CompiledLibrary } from '../../core/lint/compileLibrary';
import { gradeAnswer } from '../../core/workflows/gradeAnswer';
import { reviseAnswer, type Revision } from '../../core/workflows/reviseAnswer';
import { reviseLoop } from '../../core/workflows/reviseLoop';
import { checkRevisionSafety } from '../../core/workflows/revisionSafety';
import type { ExtensionServices } from '../services';
import { modelCase, type ModelCase } from './modelCase';
import type { ModelRun, ModelSessionService } from './modelSessionService';
import type { RevisionReview } from './revisionReview';

/** From the code actions (a finding's principle), the command palette (none) or tests. */
export interface ReviseArguments {
  uri?: string;
  /** Revise against this principle only. */
  principleId?: string;
  /** Overrides `clinalign.model.revisionRounds`. */
  rounds?: number;
}

export type ReviseResult = ModelRun<RevisionProposal | undefined> | undefined;

/**
 * Guided self-revision: the draft, the question, the principles (all that apply, or one) with the current
 * findings and, when the case has a rubric, its unmet items → a revision shown as a diff to accept or reject.
 * With `revisionRounds` > 1 and a rubric, it loops revise → grade while the score improves.
 */
export async function reviseWithModel(services: ExtensionServices, model: ModelSessionService, review: RevisionReview, args: ReviseArguments = {}): Promise<ReviseResult> {
  const c = await modelCase(services, args.uri);
  if (!c) return undefined;
  if (c.result.document.body.trim() === '') {
    void vscode.window.showInformationMessage('ClinAlign: the case has no answer to revise yet.');
    return undefined;
  }
  const target = args.principleId ? services.host.principle(args.principleId) : undefined;
  if (args.principleId && !target) {
    void vscode.window.showWarningMessage(`ClinAlign: no principle ${args.principleId} in the current library.`);
    return undefined;
  }
  const rounds = args.rounds ?? vscode.workspace.getConfiguration('clinalign.model', c.document.uri).get<number>('revisionRounds', 1);
  const title = target ? `Revise against ${target.id}` : 'Revise answer against all principles';
  const run = await model.run(title, c.document.uri, (client, options) => revise(client, c, target ? [target] : c.principles, rounds, options, { library: services.host.library }));
  if (run.status !== 'done') return run;
  const revision = run.value;
  if (!revision || revision.answer === c.result.document.body) {
    void vscode.window.showInformationMessage(revision ? 'ClinAlign: the model proposed no change to the answer.' : 'ClinAlign: no revision scored better than the draft; the answer is unchanged.');
    return { status: 'done', value: undefined };
  }
  const proposal = await review.show(
    {
      documentUri: c.document.uri.toString(),
      version: c.version,
      documentText: c.text,
      caseId: c.caseId,
      draft: c.result.document.body,
      revised: revision.answer,
      model: revision.model,
      principlesAddressed: revision.addressedPrinciples,
      summary: revision.summary,
      unsafe: checkRevisionSafety(
        { library: services.host.library, question: c.result.document.question, scenario: c.result.classification.scenario, locale: c.result.document.data.locale },
        c.result.document.body,
        revision.answer,
      ).reasons,
    },
    c.root,
  );
  return { status: 'done', value: proposal };
}

type Client = Parameters<typeof reviseAnswer>[0];
type Options = Parameters<typeof reviseAnswer>[2];

async function revise(client: Client, c: ModelCase, principles: ModelCase['principles'], rounds: number, options: Options, safety: { library: CompiledLibrary }): Promise<Revision | undefined> {
  const { conversation, body: answer, data } = c.result.document;
  const ids = new Set(principles.map((p) => p.id));
  const findings = c.result.findings.filter((f) => ids.has(f.principleId)).map((f) => ({ principleId: f.principleId, quote: c.text.slice(f.start, f.end), message: f.message }));
  const input = { conversation, answer, principles, findings };
  const rubric = principles.length === 1 ? [] : (data.rubric ?? []);
  if (rubric.length === 0) return reviseAnswer(client, input, options);
  if (rounds > 1) {
    const context = { library: safety.library, question: c.result.document.question, scenario: c.result.classification.scenario, locale: data.locale };
    const loop = await reviseLoop(client, { ...input, rubric }, { ...options, maxRounds: rounds, safety: (draft, revised, grades) => checkRevisionSafety(context, draft, revised, grades) });
    if (loop.best.round === 0) return undefined;
    const kept = loop.rounds.filter((r) => r.kept);
    return {
      answer: loop.best.answer,
      addressedPrinciples: [...new Set(kept.flatMap((r) => r.revision.addressedPrinciples))],
      summary: `${kept.map((r) => r.revision.summary).join(' ')} Score ${loop.initial.score?.toFixed(2)} → ${loop.best.grade.score?.toFixed(2)} after ${loop.rounds.length} round(s), judged by ${loop.best.grade.judgeModel}.`.trim(),
      model: client.model,
    };
  }
  // One round, guided by the rubric items the draft misses (judge results are cached per item).
  const grade = await gradeAnswer(client, { conversation, answer, rubric }, { signal: options?.signal });
  return reviseAnswer(client, { ...input, grade }, options);
}
