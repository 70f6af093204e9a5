import assert from 'node:assert/strict';
import { disableInFile, disableOnLine, type TextChange } from '../../../src/core/lint/disableCommentEdits';
import { lintCase } from '../../../src/core/lint/lintCase';
import { sampleLibrary } from '../fixtureLibrary';

const ID = 'universal.safe-abbreviations';
const apply = (text: string, change: TextChange | undefined) =>
  change ? text.slice(0, change.start) + change.newText + text.slice(change.end) : text;
const CASE = '---\nid: x\n---\nTake 10 IU at night.\n\n- Then 5 cc later.\n';

describe('disable comment edits', () => {
  it('disableOnLine puts a disable-next-line comment above the line, and the finding goes', () => {
    const offset = CASE.indexOf('IU');
    const text = apply(CASE, disableOnLine(CASE, offset, ID));
    assert.equal(
      text,
      `---\nid: x\n---\n<!-- clinalign-disable-next-line ${ID} -->\nTake 10 IU at night.\n\n- Then 5 cc later.\n`,
    );
    assert.deepEqual(
      lintCase(sampleLibrary(), text).findings.map((f) => text.slice(f.start, f.end)),
      ['cc'],
    );
  });

  it('disableOnLine keeps the indentation of the line (inside list items)', () => {
    const text = 'Intro.\n\n- first\n  Take 10 IU now.\n';
    assert.equal(
      apply(text, disableOnLine(text, text.indexOf('IU'), ID)),
      `Intro.\n\n- first\n  <!-- clinalign-disable-next-line ${ID} -->\n  Take 10 IU now.\n`,
    );
  });

  it('disableOnLine adds the id to a comment already above the line, and does nothing when already silenced', () => {
    const text = '<!-- clinalign-disable-next-line universal.other -->\nTake 10 IU now.\n';
    const once = apply(text, disableOnLine(text, text.indexOf('IU'), ID));
    assert.equal(once, `<!-- clinalign-disable-next-line universal.other ${ID} -->\nTake 10 IU now.\n`);
    assert.equal(disableOnLine(once, once.indexOf('IU'), ID), undefined);
    const all = '<!-- clinalign-disable-next-line -->\nTake 10 IU now.\n';
    assert.equal(disableOnLine(all, all.indexOf('IU'), ID), undefined);
  });

  it('disableOnLine works on the first line of a file and keeps CRLF', () => {
    const text = 'Take 10 IU now.\r\nMore.\r\n';
    assert.equal(
      apply(text, disableOnLine(text, 8, ID)),
      `<!-- clinalign-disable-next-line ${ID} -->\r\nTake 10 IU now.\r\nMore.\r\n`,
    );
  });

  it('disableInFile writes the comment right after the front matter, and every finding of the principle goes', () => {
    const bodyStart = CASE.indexOf('Take');
    const text = apply(CASE, disableInFile(CASE, bodyStart, ID));
    assert.equal(
      text,
      `---\nid: x\n---\n<!-- clinalign-disable ${ID} -->\nTake 10 IU at night.\n\n- Then 5 cc later.\n`,
    );
    assert.deepEqual(lintCase(sampleLibrary(), text).findings, []);
  });

  it('disableInFile extends an existing disable comment, and without front matter writes at the top', () => {
    const existing = '---\nid: x\n---\n<!-- clinalign-disable universal.other -->\nTake 10 IU.\n';
    const bodyStart = existing.indexOf('<!--');
    assert.equal(
      apply(existing, disableInFile(existing, bodyStart, ID)),
      `---\nid: x\n---\n<!-- clinalign-disable universal.other ${ID} -->\nTake 10 IU.\n`,
    );
    assert.equal(disableInFile(`<!-- clinalign-disable ${ID} -->\nTake 10 IU.\n`, 0, ID), undefined);
    assert.equal(
      apply('Take 10 IU.', disableInFile('Take 10 IU.', 0, ID)),
      `<!-- clinalign-disable ${ID} -->\nTake 10 IU.`,
    );
  });

  it('disableInFile does not mistake a disable-next-line comment for a file-wide one', () => {
    const text = '<!-- clinalign-disable-next-line universal.other -->\nTake 10 IU.\n';
    assert.equal(apply(text, disableInFile(text, 0, ID)), `<!-- clinalign-disable ${ID} -->\n${text}`);
  });
});
