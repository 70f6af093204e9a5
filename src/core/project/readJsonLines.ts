import { UnsafePathError } from './confinedPath';
import type { FileSystemPort } from './fileSystemPort';
import { nodeFileSystem } from './nodeFileSystem';
import { readProjectFile } from './safeRead';

/**
 * The parsed lines of a JSONL file in the project `root` (revision history, grade records); a missing or
 * unreadable file is empty, a line that does not parse (a crash mid-append) is skipped. A file behind a
 * symbolic link or outside the project is refused (UnsafePathError). Large input files (datasets, batches)
 * are streamed line by line instead (dataset/jsonlLines).
 */
export async function readJsonLines(
  root: string,
  file: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<unknown[]> {
  let text: string | undefined;
  try {
    text = await readProjectFile(root, file, fs);
  } catch (error) {
    if (error instanceof UnsafePathError) throw error;
    return [];
  }
  return (text ?? '').split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}
