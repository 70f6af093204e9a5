import { join } from 'node:path';

/**
 * Where a project keeps its ClinAlign files, beside its cases: the one place that names them. Every lookup
 * of these goes from a case's folder upwards, no higher than the repository root (findProjectFolder).
 * The judge cache is not here: it lives in the user's cache folder, never in a repository.
 */
export const PROJECT_FOLDER = '.clinalign';
/** Team principle YAML: adds to, overrides or disables bundled principles by id. */
export const TEAM_PRINCIPLES_FOLDER = join(PROJECT_FOLDER, 'principles');
/** Team concept YAML: adds terms or concepts to the bundled lexicon. */
export const TEAM_CONCEPTS_FOLDER = join(PROJECT_FOLDER, 'concepts');
/** `<case-id>.jsonl`: the first draft and every accepted revision. */
export const HISTORY_FOLDER = join(PROJECT_FOLDER, 'history');
/** `<case-id>.jsonl`: grade records. */
export const GRADES_FOLDER = join(PROJECT_FOLDER, 'grades');
/** Endpoint settings (no secrets) and the team's `lint:` decisions. */
export const CONFIG_FILE = join(PROJECT_FOLDER, 'config.yaml');
