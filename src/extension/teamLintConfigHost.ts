import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SeverityMap } from '../core/lint/remapSeverity';
import { findEndpointConfigFile, readTeamConfigFile } from '../core/model/endpointConfigFile';
import { layeredSeverityMap, NO_TEAM_LINT_CONFIG, type TeamLintConfig } from '../core/lint/teamLintConfig';
import { readSettings } from './settings';

/**
 * The team's `lint:` decisions from `.clinalign/config.yaml` (the nearest one above a case, as the CLI finds it),
 * with the user's `clinalign.disabledPrinciples` and `clinalign.severity` layered on top: the one place the
 * editor works out which findings show and at what severity. Restricted Mode ignores the file, as it ignores the
 * workspace's principle files.
 */
export class TeamLintConfigHost implements vscode.Disposable {
  private readonly byFile = new Map<string, TeamLintConfig>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.clinalign/config.yaml');
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const reset = () => {
      this.byFile.clear();
      this.changed.fire();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  /** The severity map for findings of this case: team decisions, then the user's settings. */
  severityMapFor(uri: vscode.Uri | undefined): SeverityMap {
    const settings = readSettings(uri);
    return layeredSeverityMap(this.teamConfigFor(uri), {
      severity: settings.severity,
      disabled: settings.disabledPrinciples,
    });
  }

  teamConfigFor(uri: vscode.Uri | undefined): TeamLintConfig {
    if (!uri || uri.scheme !== 'file' || !vscode.workspace.isTrusted) return NO_TEAM_LINT_CONFIG;
    const file = findEndpointConfigFile(path.dirname(uri.fsPath));
    if (file === undefined) return NO_TEAM_LINT_CONFIG;
    let config = this.byFile.get(file);
    if (!config) {
      try {
        config = readTeamConfigFile(file).lint;
      } catch (error) {
        // Shown once per change of the file: the findings then show as if the file said nothing.
        this.log.error(`Team lint settings not applied: ${(error as Error).message}`);
        void vscode.window.showWarningMessage(`ClinAlign: ${(error as Error).message}`);
        config = NO_TEAM_LINT_CONFIG;
      }
      this.byFile.set(file, config);
    }
    return config;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
