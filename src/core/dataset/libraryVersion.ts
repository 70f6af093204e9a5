import { createHash } from 'node:crypto';
import type { Principle } from '../principles/principle';

/**
 * A version for the principle library in use: sha256 over every principle's id and content (sorted by id,
 * source locations left out), so it changes exactly when a principle is added, removed or edited.
 */
export function principleLibraryVersion(principles: readonly Principle[]): string {
  const hash = createHash('sha256');
  for (const principle of [...principles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const { location: _location, overriddenBy: _overriddenBy, ...content } = principle;
    hash.update(`${principle.id}\n${JSON.stringify(content)}\n`);
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
