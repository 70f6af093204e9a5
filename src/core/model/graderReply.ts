import { extractJson } from './extractJson';

export interface ItemVerdict {
  explanation: string;
  criteria_met: boolean;
}

/**
 * A HealthBench grader reply as a verdict, or undefined when it is not one: the JSON object (fenced or
 * not) must hold a boolean `criteria_met`, as the reference requires before it stops asking again.
 */
export function parseGraderReply(text: string): ItemVerdict | undefined {
  let json: unknown;
  try {
    json = extractJson(text.replace(/```(?:json)?/gi, ''));
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const { criteria_met, explanation } = json as { criteria_met?: unknown; explanation?: unknown };
  if (typeof criteria_met !== 'boolean') return undefined;
  return { explanation: typeof explanation === 'string' ? explanation : '', criteria_met };
}
