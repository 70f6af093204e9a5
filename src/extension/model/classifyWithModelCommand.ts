import * as vscode from 'vscode';
import { setScenarioLabels } from '../../core/case/setScenarioLabels';
import type { Classification } from '../../core/scenario/classifyQuestion';
import { SCENARIO_DIMENSIONS, type ScenarioDimension } from '../../core/scenario/labels';
import { classifyWithModel } from '../../core/workflows/classifyWithModel';
import type { ExtensionServices } from '../services';
import { applyTextChange } from '../editor/textChangeEdit';
import { lacksQuestion, modelCase, unchangedSince } from './modelCase';
import type { ModelRun, ModelSessionService } from './modelSessionService';

export interface ClassifyWithModelArguments {
  uri?: string;
  /** Write the model's labels without asking (tests, keybindings). */
  write?: boolean;
}

export type ClassifyWithModelResult = ModelRun<Classification & { written: boolean }> | undefined;

/** "Classify scenario with model": the model refines the offline labels; offers to write its labels into `scenario:`. */
export async function classifyScenarioWithModel(
  services: ExtensionServices,
  model: ModelSessionService,
  args: ClassifyWithModelArguments = {},
): Promise<ClassifyWithModelResult> {
  const c = await modelCase(services, args.uri);
  if (!c || lacksQuestion(c)) return undefined;
  const run = await model.run('Classify scenario with model', c.document.uri, (client, options) =>
    classifyWithModel(
      client,
      { conversation: c.result.document.conversation, offline: c.result.classification },
      options,
    ),
  );
  if (run.status !== 'done') return run;
  const classification = run.value;
  const fromModel = SCENARIO_DIMENSIONS.filter((d) => classification.source[d] === 'model');
  const labels = Object.fromEntries(fromModel.map((d) => [d, classification.scenario[d]])) as Partial<
    Record<ScenarioDimension, string>
  >;
  const summary = SCENARIO_DIMENSIONS.map(
    (d) =>
      `${d}: ${classification.scenario[d]}${classification.source[d] === 'model' ? ` (${Math.round(classification.confidence[d] * 100)}%)` : ''}`,
  ).join(' · ');
  services.log.info(`Model labels for ${c.document.uri.fsPath}: ${summary}`);
  let write = args.write;
  if (write === undefined && fromModel.length > 0) {
    const choice = await vscode.window.showInformationMessage(
      `ClinAlign: the model labels this case ${summary}. Write its labels into the front matter’s scenario:?`,
      'Write labels',
    );
    write = choice === 'Write labels';
  } else if (fromModel.length === 0) {
    void vscode.window.showInformationMessage(`ClinAlign: the model adds no label to the case’s own (${summary}).`);
  }
  let written = false;
  if (write && fromModel.length > 0 && unchangedSince(c, 'labels')) {
    const change = setScenarioLabels(c.text, labels);
    if (change) {
      written = await applyTextChange(c.document, change);
    }
  }
  return { status: 'done', value: { ...classification, written } };
}
