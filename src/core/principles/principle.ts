import type { PrincipleData } from './schema';

/** Where something was defined: file path and 0-based line/column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A validated principle together with where it came from. */
export interface Principle extends PrincipleData {
  location: SourceLocation;
  /** Set when a team file changed this bundled principle. */
  overriddenBy?: SourceLocation;
}
