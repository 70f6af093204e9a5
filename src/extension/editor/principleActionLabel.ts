import type { Principle } from '../../core/principles/principle';

/**
 * How a code action names a principle: its title in quotes, which a writer recognises from the hover, rather
 * than the id (issue 15). An id the library no longer knows is shown as it is.
 */
export function principleActionLabel(id: string, principleById: (id: string) => Principle | undefined): string {
  const title = principleById(id)?.title.trim();
  return title ? `“${title}”` : id;
}
