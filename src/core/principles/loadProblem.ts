/** A problem found while loading principle files, located for an editor diagnostic or a CLI line. */
export interface LoadProblem {
  file: string;
  message: string;
  /** 0-based. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
