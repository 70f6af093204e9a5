import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { parseYaml } from '../yaml/parseYaml';

/** The team file that "Disable for the team" writes, inside the team principles folder. */
export const TEAM_OVERRIDES_FILE = 'overrides.yaml';

/**
 * The text of a team principle file with `disabled: true` set for one principle id. Uses the yaml Document
 * API so comments and the other entries survive; an existing entry for the id gains the field, otherwise a new
 * `- id: … / disabled: true` entry is appended. `existing` undefined (or blank) creates `group: team`.
 * Throws when the file is not valid YAML or has no `principles:` list, rather than overwrite a team's work.
 */
export function disablePrincipleInTeamFile(existing: string | undefined, principleId: string): string {
  const text = existing?.trim() ? existing : 'group: team\nprinciples: []\n';
  const document = parseYaml(text);
  if (document.errors.length > 0) throw new Error(`cannot edit the team file: ${document.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(document.contents)) throw new Error('cannot edit the team file: it is not a `group:` / `principles:` mapping');
  let principles = document.get('principles', true);
  if (principles === undefined || (isScalar(principles) && principles.value === null)) {
    principles = new YAMLSeq();
    document.set('principles', principles);
  }
  if (!isSeq(principles)) throw new Error('cannot edit the team file: `principles` is not a list');
  // An empty flow list (`principles: []`) reads better as a block list once it has an entry.
  if (principles.items.length === 0) principles.flow = false;
  const entry = principles.items.find((item) => isMap(item) && item.get('id') === principleId);
  if (isMap(entry)) {
    entry.set('disabled', true);
  } else {
    const added = new YAMLMap();
    added.set('id', principleId);
    added.set('disabled', true);
    principles.items.push(added);
  }
  return document.toString({ lineWidth: 0 });
}
