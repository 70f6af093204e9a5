import assert from 'node:assert/strict';
import { parseCase } from '../../../src/core/case/parseCase';
import { setFrontMatterField } from '../../../src/core/case/writeFrontMatter';

const RUBRIC = [
  {
    criterion: 'Tells the person to call 911 now.',
    points: 10,
    tags: ['level:example', 'axis:accuracy', 'principle:urgency.x'],
  },
];
const BODY = 'Call 911 now.\n\n---\n\nA rule above, *emphasis*   and trailing spaces   \n';

const CASE = `---
id: chest-pain   # stable id
audience: layperson
conversation:
  - role: user
    content: >-
      A folded question that is longer than eighty characters so that a re-serialiser would fold it differently.
# the rubric is synthesized
rubric:
  - criterion: Old item.
    points: 3
    tags: [axis:accuracy]
  # trailing comment inside the rubric
# reviewer notes
review:
  status: draft # not yet
---
${BODY}`;

describe('setFrontMatterField', () => {
  it('replaces only the key: comments, order, other values and the body keep every byte', () => {
    const edit = setFrontMatterField(CASE, 'rubric', RUBRIC);
    const expected = CASE.replace(
      'rubric:\n  - criterion: Old item.\n    points: 3\n    tags: [axis:accuracy]\n',
      'rubric:\n  - criterion: Tells the person to call 911 now.\n    points: 10\n    tags: [level:example, axis:accuracy, principle:urgency.x]\n',
    );
    assert.equal(edit.text, expected);
    assert.equal(CASE.slice(0, edit.start) + edit.newText + CASE.slice(edit.end), edit.text);
    const parsed = parseCase(edit.text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.data.rubric, RUBRIC);
    assert.equal(parsed.body, BODY);
  });

  it('adds a missing key in the usual case order (rubric before review), else at the end', () => {
    const text = '---\nid: a\nprompt: Hi?\nreview:\n  status: draft\n---\nBody\n';
    assert.equal(
      setFrontMatterField(text, 'rubric', []).text,
      '---\nid: a\nprompt: Hi?\nrubric: []\nreview:\n  status: draft\n---\nBody\n',
    );
    assert.equal(
      setFrontMatterField(text, 'custom', 1).text,
      '---\nid: a\nprompt: Hi?\nreview:\n  status: draft\ncustom: 1\n---\nBody\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const text = '---\r\nid: a # keep\r\nrubric: []\r\n---\r\nBody\r\nline two\r\n';
    const edit = setFrontMatterField(text, 'rubric', RUBRIC);
    assert.ok(!/[^\r]\n/.test(edit.text), JSON.stringify(edit.text));
    assert.ok(edit.text.startsWith('---\r\nid: a # keep\r\nrubric:\r\n  - criterion:'));
    assert.ok(edit.text.endsWith('---\r\nBody\r\nline two\r\n'));
    assert.deepEqual(parseCase(edit.text).data.rubric, RUBRIC);
  });

  it('creates front matter when the file has none (after a byte-order mark, in the file’s line endings)', () => {
    assert.equal(setFrontMatterField('Just an answer.\n', 'id', 'x').text, '---\nid: x\n---\nJust an answer.\n');
    assert.equal(
      setFrontMatterField('\uFEFFLine one\r\nLine two\r\n', 'id', 'x').text,
      '\uFEFF---\r\nid: x\r\n---\r\nLine one\r\nLine two\r\n',
    );
    const edit = setFrontMatterField('', 'rubric', RUBRIC);
    assert.deepEqual(parseCase(edit.text).data.rubric, RUBRIC);
    assert.deepEqual([edit.start, edit.end], [0, 0]);
  });

  it('fills empty front matter', () => {
    assert.equal(setFrontMatterField('---\n---\nBody\n', 'id', 'x').text, '---\nid: x\n---\nBody\n');
  });

  it('refuses front matter with YAML errors, unclosed front matter and a non-mapping', () => {
    assert.throws(() => setFrontMatterField('---\nid: [unclosed\n---\nBody\n', 'rubric', []), /YAML error on line \d+/);
    assert.throws(() => setFrontMatterField('---\nid: a\nid: b\n---\nBody\n', 'rubric', []), /YAML error/);
    assert.throws(() => setFrontMatterField('---\nid: a\nBody without a closing line\n', 'rubric', []), /not closed/);
    assert.throws(() => setFrontMatterField('---\n- a list\n---\nBody\n', 'rubric', []), /key: value/);
  });
});
