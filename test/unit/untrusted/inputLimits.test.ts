import assert from 'node:assert/strict';
import { formatBytes, sizeProblem, textSizeProblem, utf8Length } from '../../../src/core/untrusted/inputLimits';

describe('input size limits', () => {
  it('names a limit in whole units and a measured size to a tenth', () => {
    assert.equal(formatBytes(256 * 1024), '256 KB');
    assert.equal(formatBytes(2 * 1024 * 1024), '2 MB');
    assert.equal(formatBytes(10 * 1024 * 1024 + 8), '10.0 MB');
    assert.equal(formatBytes(300 * 1024 + 17), '300.0 KB');
    assert.equal(formatBytes(900), '900 bytes');
  });

  it('says how large and what the limit is, and nothing within it', () => {
    assert.equal(
      sizeProblem('front matter', 10.5 * 1024 * 1024, 256 * 1024),
      'front matter is 10.5 MB; the limit is 256 KB',
    );
    assert.equal(sizeProblem('front matter', 256 * 1024, 256 * 1024), undefined);
  });

  it('measures text in UTF-8 bytes, as files are', () => {
    assert.equal(utf8Length('aé✓😀'), 1 + 2 + 3 + 4);
    assert.equal(utf8Length('\ud800x'), 3 + 1, 'a lone surrogate is written as U+FFFD');
    assert.equal(textSizeProblem('case file', 'é'.repeat(600), 1024), 'case file is 1.2 KB; the limit is 1 KB');
    assert.equal(textSizeProblem('case file', 'e'.repeat(1024), 1024), undefined);
  });
});
