import { readFileSync } from 'node:fs';
import { CliError } from './cliError';

/** A file's text, or a usage error naming the file (exit 2) instead of a stack trace. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
