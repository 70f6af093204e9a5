import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export interface CacheDirContext {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * Where the CLI keeps judge results: the user's own cache folder, never the repository (whose files anyone
 * could have written, forged grades included). `CLINALIGN_CACHE_DIR` wins; then `XDG_CACHE_HOME`; then the
 * platform's cache folder.
 */
export function judgeCacheDir(
  context: CacheDirContext = { env: process.env, platform: process.platform, home: homedir() },
): string {
  const { env, platform, home } = context;
  if (env.CLINALIGN_CACHE_DIR?.trim()) return resolve(env.CLINALIGN_CACHE_DIR.trim());
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, 'clinalign', 'judge');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA?.trim() || join(home, 'AppData', 'Local'), 'clinalign', 'Cache', 'judge');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'clinalign', 'judge');
  return join(home, '.cache', 'clinalign', 'judge');
}
