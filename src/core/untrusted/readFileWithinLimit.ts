import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { sizeProblem } from './inputLimits';

/** A file over its size cap; the message is the whole story ("principle file is 5 MB; the limit is 1 MB"). */
export class FileTooLargeError extends Error {}

/**
 * A file's UTF-8 text. Its size is checked first, so a huge file in a cloned repository is never loaded into
 * memory: over `limit` bytes it throws FileTooLargeError, naming it as `what`. Read errors are thrown as by
 * readFileSync.
 */
export function readFileWithinLimit(file: string, limit: number, what: string): string {
  const fd = openSync(file, 'r');
  try {
    const tooLarge = sizeProblem(what, fstatSync(fd).size, limit);
    if (tooLarge) throw new FileTooLargeError(tooLarge);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The message for a file that could not be read: the size story as is, anything else as "cannot read: …". */
export function unreadableMessage(error: unknown): string {
  return error instanceof FileTooLargeError ? error.message : `cannot read: ${(error as Error).message}`;
}
