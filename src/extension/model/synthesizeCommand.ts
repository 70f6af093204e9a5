import * as vscode from 'vscode';
import { setFrontMatterField } from '../../core/case/writeFrontMatter';
import { hasVerifiedRubric, synthesizeCase, type CaseRubric } from '../../core/workflows/synthesizeCase';
import type { ExtensionServices } from '../services';
import { applyTextChange } from '../editor/textChangeEdit';
import { lacksQuestion, modelCase, unchangedSince } from './modelCase';
import type { ModelRun, ModelSessionService } from './modelSessionService';

export type SynthesizeCommandResult = ModelRun<CaseRubric & { written: boolean }> | undefined;

/**
 * "Synthesize rubric with model": the model labels the question, then writes question-specific items from
 * the ranked principle pool into the front matter's `rubric:` (one edit; comments and order kept). A rubric
 * with verified items is a reviewer's work and is never overwritten.
 */
export async function synthesizeRubricWithModel(
  services: ExtensionServices,
  model: ModelSessionService,
  uri?: string,
): Promise<SynthesizeCommandResult> {
  const c = await modelCase(services, uri);
  if (!c || lacksQuestion(c)) return undefined;
  if (hasVerifiedRubric(c.case)) {
    void vscode.window.showWarningMessage(
      'ClinAlign: this rubric has verified items; a reviewer’s work is never overwritten. Remove `verified: true` from the items to replace them.',
    );
    return undefined;
  }
  const run = await model.run('Synthesize rubric with model', c.document.uri, (client, options) =>
    synthesizeCase(client, c.case, options),
  );
  if (run.status !== 'done') return run;
  const rubric = run.value;
  for (const item of rubric.dropped)
    services.log.info(`Synthesize: left out a model item (${item.reason}): ${item.criterion}`);
  for (const constraint of rubric.unmet) services.log.warn(`Synthesize: ${constraint}`);
  if (!unchangedSince(c, 'rubric')) return { status: 'done', value: { ...rubric, written: false } };
  const change = setFrontMatterField(c.text, 'rubric', rubric.items);
  const written = await applyTextChange(c.document, change);
  if (written)
    void vscode.window.showInformationMessage(
      `ClinAlign: wrote ${rubric.items.length} rubric items (${rubric.source}, ${rubric.model}). Review them and mark the good ones \`verified: true\`.`,
    );
  return { status: 'done', value: { ...rubric, written } };
}
