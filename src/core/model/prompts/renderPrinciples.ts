/** The fields of a principle a prompt needs. */
export interface PromptPrinciple {
  id: string;
  title: string;
  statement: string;
}

/** One principle per line: `- id — title: statement`. Sorted by the caller, never here, so the order is stable. */
export function renderPrinciples(principles: readonly PromptPrinciple[]): string {
  if (principles.length === 0) return '(none)';
  return principles.map((p) => `- ${p.id} — ${p.title}: ${oneLine(p.statement)}`).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
