import * as vscode from 'vscode';
import type { RevisionProposal } from '../../core/case/revisionProposal';
import { reviseCase } from '../../core/workflows/reviseCase';
import type { ExtensionServices } from '../services';
import { modelCase, refused } from './modelCase';
import type { ModelRun, ModelSessionService } from './modelSessionService';
import type { RevisionReview } from './revisionReview';
import { readSettings } from '../settings';

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
 * "Revise with model": the core's one revise policy (reviseCase, as `clinalign revise`) on the case as the
 * editor shows it — its findings included — then the proposal as a diff to accept or reject. This command only
 * gathers the input (the principle, the rounds setting) and shows the outcome.
 */
export async function reviseWithModel(
  services: ExtensionServices,
  model: ModelSessionService,
  review: RevisionReview,
  args: ReviseArguments = {},
): Promise<ReviseResult> {
  const c = await modelCase(services, args.uri);
  if (!c || refused(c.case, ['question', 'answer'])) return undefined;
  const target = args.principleId ? services.host.principle(args.principleId) : undefined;
  if (args.principleId && !target) {
    void vscode.window.showWarningMessage(`ClinAlign: no principle ${args.principleId} in the current library.`);
    return undefined;
  }
  const rounds = args.rounds ?? readSettings(c.document.uri).revisionRounds;
  const findings = c.result.findings.map((f) => ({
    principleId: f.principleId,
    quote: c.text.slice(f.start, f.end),
    message: f.message,
  }));
  const title = target ? `Revise against ${target.id}` : 'Revise answer against all principles';
  const library = services.host.library;
  const run = await model.run(title, c.document.uri, (client, options) =>
    reviseCase(client, c.case, { ...options, library, rounds, findings, only: target && [target] }),
  );
  if (run.status !== 'done') return run;
  const revision = run.value;
  if (!revision.changed) {
    const message =
      revision.scoreBefore === null
        ? 'the model proposed no change to the answer.'
        : `no revision scored better than the draft (${revision.stoppedBecause}); the answer is unchanged.`;
    void vscode.window.showInformationMessage(`ClinAlign: ${message}`);
    return { status: 'done', value: undefined };
  }
  const score =
    revision.scoreBefore === null
      ? ''
      : ` Score ${revision.scoreBefore.toFixed(2)} → ${revision.scoreAfter?.toFixed(2)} after ${revision.rounds} round(s), judged by ${revision.judgeModel}.`;
  const proposal = await review.show(
    {
      documentUri: c.document.uri.toString(),
      version: c.version,
      documentText: c.text,
      caseId: c.caseId,
      draft: revision.draft,
      revised: revision.answer,
      model: revision.model,
      principlesAddressed: revision.addressedPrinciples,
      summary: `${revision.summary}${score}`.trim(),
      unsafe: revision.unsafe,
    },
    c.root,
  );
  return { status: 'done', value: proposal };
}
