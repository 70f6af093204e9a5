import * as vscode from 'vscode';
import { checkWithModel, type CheckResult } from '../../core/workflows/checkWithModel';
import type { ExtensionServices } from '../services';
import { lacksQuestion, modelCase, unchangedSince } from './modelCase';
import type { ModelDiagnostics } from './modelDiagnostics';
import type { ModelRun, ModelSessionService } from './modelSessionService';

export type CheckCommandResult = ModelRun<CheckResult> | undefined;

/** "Check answer with model": findings at the exact words quoted become `clinalign (model)` diagnostics. */
export async function checkAnswerWithModel(
  services: ExtensionServices,
  model: ModelSessionService,
  diagnostics: ModelDiagnostics,
  uri?: string,
): Promise<CheckCommandResult> {
  const c = await modelCase(services, uri);
  if (!c || lacksQuestion(c)) return undefined;
  const { conversation, body: answer, bodyStart } = c.result.document;
  const run = await model.run('Check answer with model', c.document.uri, (client, options) =>
    checkWithModel(client, { conversation, answer, principles: c.principles }, options),
  );
  if (run.status !== 'done') return run;
  const { findings, dropped, model: name } = run.value;
  for (const d of dropped)
    services.log.warn(
      `Model check of ${c.document.uri.fsPath}: dropped a finding for ${d.principleId} (${d.reason}): “${d.quote}”`,
    );
  if (!unchangedSince(c, 'model findings')) return run;
  diagnostics.publish(c.document, bodyStart, findings, name);
  void vscode.window.showInformationMessage(
    `ClinAlign: ${name} found ${findings.length} problem${findings.length === 1 ? '' : 's'}${dropped.length ? ` (${dropped.length} without a matching quote, see the log)` : ''}.`,
  );
  return run;
}
