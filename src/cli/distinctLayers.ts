import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Principle layers without repeats. A folder given twice, or a file inside a folder layer (as in `principles
 * validate .clinalign/principles/team.yaml`, the team folder being a layer already), would load its principles
 * twice and report every id as a duplicate of itself. Folders are read flat, so only a file's own folder counts.
 */
export function distinctLayers(layers: readonly string[]): string[] {
  const real = layers.map((layer) => ({ layer, path: realOrResolved(layer), folder: isFolder(layer) }));
  const folders = new Set(real.filter((r) => r.folder).map((r) => r.path));
  const seen = new Set<string>();
  return real
    .filter((r) => {
      if (seen.has(r.path)) return false;
      seen.add(r.path);
      return r.folder || !folders.has(dirname(r.path));
    })
    .map((r) => r.layer);
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
