import assert from 'node:assert/strict';
import { escapeMarkdown, markdownCode } from '../../../src/core/untrusted/escapeMarkdown';
import { unescapedMarkup } from './unescapedMarkup';

describe('escapeMarkdown / markdownCode (untrusted text in Markdown)', () => {
  it('turns images and links, command links included, into plain text', () => {
    assert.equal(escapeMarkdown('![x](http://evil)'), '\\!\\[x\\]\\(http\\://evil\\)');
    assert.equal(
      escapeMarkdown('[link](command:clinalign.acceptRevision?%5B%5D)'),
      '\\[link\\]\\(command\\:clinalign\\.acceptRevision?%5B%5D\\)',
    );
    assert.deepEqual(
      unescapedMarkup(escapeMarkdown('<img src=x onerror=alert(1)> [a]: http://evil "ref" <http://evil>')),
      [],
    );
  });

  it('breaks bare-URL, www. and e-mail autolinks and entity references', () => {
    assert.equal(escapeMarkdown('http://evil.example'), 'http\\://evil\\.example');
    assert.equal(escapeMarkdown('www.evil.example'), 'www\\.evil\\.example');
    assert.equal(escapeMarkdown('&#91;x&#93;'), '\\&\\#91;x\\&\\#93;');
  });

  it('keeps untrusted text on one line, so it cannot start a heading, a list, a quote or a table row', () => {
    assert.equal(escapeMarkdown('a\n# heading\r\n> quote\r- item'), 'a \\# heading \\> quote \\- item');
  });

  it('a code span is fenced longer than any backtick run inside it, so the text cannot close it early', () => {
    assert.equal(markdownCode('plain.yaml'), '`plain.yaml`');
    assert.equal(markdownCode('a`[x](command:y)`b'), '``a`[x](command:y)`b``');
    assert.equal(markdownCode('`edge`'), '`` `edge` ``');
    assert.equal(markdownCode('two\n\nlines'), '`two lines`');
  });
});
