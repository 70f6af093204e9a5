import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { sizeProblem } from './inputLimits';

/** A file over its size cap; the message is the whole story ("principle file is 5 MB; the limit is 1 MB"). */
export class FileTooLargeError extends Error {}

/**
 * A file's UTF-8 text. Its size is checked first, so a huge file in a cloned repository is never loaded into
 * memory: over `limit` bytes it throws FileTooLargeError, naming it as `what`. Read errors are thrown as by
 * readFileSync.
 */
export function readFileWithinLimit(
  file: string,
  limit: number,
  what: string,
  fs: FileSystemPort = nodeFileSystem,
): string {
  const opened = fs.open(file, 'read');
  try {
    const tooLarge = sizeProblem(what, opened.size(), limit);
    if (tooLarge) throw new FileTooLargeError(tooLarge);
    return opened.readText();
  } finally {
    opened.close();
  }
}

/** The message for a file that could not be read: the size story as is, anything else as "cannot read: …". */
export function unreadableMessage(error: unknown): string {
  return error instanceof FileTooLargeError ? error.message : `cannot read: ${(error as Error).message}`;
}
