import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/** Names and hashes of the YAML files a build snapshot was made from. */
export interface SnapshotStamp {
  name: string;
  sha256: string;
}

export function stampsOf(files: readonly string[], texts: readonly string[]): SnapshotStamp[] {
  return files.map((file, i) => ({ name: basename(file), sha256: sha256(texts[i]!) }));
}

/**
 * A build snapshot (`dist/*.snapshot.json`), only while it was made from exactly these files: an edited YAML
 * file is never shadowed by a stale snapshot. Undefined when it is missing, unreadable or stale.
 */
export function readMatchingSnapshot<T extends { format: 1; files: SnapshotStamp[] }>(
  path: string,
  files: readonly string[],
  texts: readonly string[],
  fs: FileSystemPort = nodeFileSystem,
): T | undefined {
  if (!fs.exists(path)) return undefined;
  let snapshot: T;
  try {
    snapshot = JSON.parse(fs.readText(path)) as T;
  } catch {
    return undefined;
  }
  if (snapshot.format !== 1 || snapshot.files.length !== files.length) return undefined;
  const stamps = stampsOf(files, texts);
  return stamps.every((stamp, i) => snapshot.files[i]!.name === stamp.name && snapshot.files[i]!.sha256 === stamp.sha256) ? snapshot : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
