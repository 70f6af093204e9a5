import { dirname } from 'node:path';
import { findEndpointConfigFile, readTeamConfigFile } from '../core/model/endpointConfigFile';
import { NO_TEAM_LINT_CONFIG, type TeamLintConfig } from '../core/lint/teamLintConfig';

/**
 * The `lint:` section of the `.clinalign/config.yaml` that governs each case file (the nearest one up to the
 * repository root), read once per config file. A broken config file is a configuration problem of the run.
 */
export class TeamLintConfigs {
  private readonly byFile = new Map<string, TeamLintConfig>();
  readonly problems: string[] = [];

  forCase(caseFile: string): TeamLintConfig {
    const configFile = findEndpointConfigFile(dirname(caseFile));
    if (configFile === undefined) return NO_TEAM_LINT_CONFIG;
    let config = this.byFile.get(configFile);
    if (!config) {
      try {
        config = readTeamConfigFile(configFile).lint;
      } catch (error) {
        this.problems.push((error as Error).message);
        config = NO_TEAM_LINT_CONFIG;
      }
      this.byFile.set(configFile, config);
    }
    return config;
  }
}
