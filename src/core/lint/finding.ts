import type { Severity } from '../principles/schema';

/** A deterministic fix: replace [start, end) of the answer with `replacement`. */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/** One detector hit, in offsets of the answer text (UTF-16 code units, end exclusive). */
export interface Finding {
  principleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
}
