import * as vscode from 'vscode';
import type { SeverityMap } from '../core/lint/remapSeverity';
import type { GraderName } from '../core/model/itemJudge';
import { DEFAULT_REVISION_ROUNDS } from '../core/workflows/reviseLoop';

/** The default of `clinalign.caseFiles`, as package.json declares it. */
export const DEFAULT_CASE_FILES = '**/*.case.md';

/**
 * Every `clinalign.*` setting the editor reads, typed and with its default, for one scope (a document's folder
 * may override the workspace). The model endpoint settings have their own reader (`readModelSettings`),
 * because the trust decision needs to know where the base URL came from, not only its value.
 */
export interface ClinAlignSettings {
  run: 'onType' | 'onSave';
  debounceMs: number;
  disabledPrinciples: string[];
  principleFolders: string[];
  caseFiles: string;
  defaultAudience: 'auto' | 'layperson' | 'clinician';
  severity: SeverityMap;
  focusMode: boolean;
  reviewerName: string;
  revisionRounds: number;
  judgeModel: string | undefined;
  /** How the reward & revision server's judge grades items (the CLI's `serve --grader`). */
  serveGrader: GraderName;
}

export function readSettings(scope?: vscode.Uri): ClinAlignSettings {
  const config = vscode.workspace.getConfiguration('clinalign', scope);
  const audience = config.get<string>('defaultAudience', 'auto');
  return {
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: config.get<number>('debounceMs', 150),
    disabledPrinciples: config.get<string[]>('disabledPrinciples', []),
    principleFolders: config.get<string[]>('principleFolders', []),
    caseFiles: config.get<string>('caseFiles', DEFAULT_CASE_FILES),
    defaultAudience: audience === 'layperson' || audience === 'clinician' ? audience : 'auto',
    severity: config.get<SeverityMap>('severity', {}),
    focusMode: config.get<boolean>('focusMode', false),
    reviewerName: config.get<string>('reviewerName', '').trim(),
    revisionRounds: config.get<number>('model.revisionRounds', DEFAULT_REVISION_ROUNDS),
    judgeModel: config.get<string>('model.judgeModel') || undefined,
    serveGrader: config.get<string>('serve.grader', 'clinalign') === 'healthbench' ? 'healthbench' : 'clinalign',
  };
}
