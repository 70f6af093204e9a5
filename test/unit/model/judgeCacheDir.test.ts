import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { judgeCacheDir } from '../../../src/core/model/judgeCacheDir';

describe('judgeCacheDir: the CLI cache lives in the user’s cache folder', () => {
  const home = '/home/ada';

  it('CLINALIGN_CACHE_DIR wins, then XDG_CACHE_HOME, then ~/.cache', () => {
    assert.equal(
      judgeCacheDir({ env: { CLINALIGN_CACHE_DIR: '/tmp/c', XDG_CACHE_HOME: '/x' }, platform: 'linux', home }),
      resolve('/tmp/c'),
    );
    assert.equal(
      judgeCacheDir({ env: { XDG_CACHE_HOME: '/x' }, platform: 'linux', home }),
      join('/x', 'clinalign', 'judge'),
    );
    assert.equal(judgeCacheDir({ env: {}, platform: 'linux', home }), join(home, '.cache', 'clinalign', 'judge'));
  });

  it('ignores empty and relative XDG_CACHE_HOME, as the XDG spec says', () => {
    assert.equal(
      judgeCacheDir({ env: { XDG_CACHE_HOME: 'relative', CLINALIGN_CACHE_DIR: ' ' }, platform: 'linux', home }),
      join(home, '.cache', 'clinalign', 'judge'),
    );
  });

  it('macOS and Windows use their own cache folders', () => {
    assert.equal(
      judgeCacheDir({ env: {}, platform: 'darwin', home }),
      join(home, 'Library', 'Caches', 'clinalign', 'judge'),
    );
    assert.equal(
      judgeCacheDir({ env: { LOCALAPPDATA: 'C:/Users/ada/AppData/Local' }, platform: 'win32', home }),
      join('C:/Users/ada/AppData/Local', 'clinalign', 'Cache', 'judge'),
    );
    assert.equal(
      judgeCacheDir({ env: {}, platform: 'win32', home }),
      join(home, 'AppData', 'Local', 'clinalign', 'Cache', 'judge'),
    );
  });
});
