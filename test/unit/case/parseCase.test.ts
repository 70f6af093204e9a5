import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/case/lineIndex';
import { parseCase } from '../../../src/core/case/parseCase';

const CASE = `---
id: demo
audience: layperson
conversation:
  - role: user
    content: My knee hurts.
  - role: assistant
    content: Since when?
  - role: user
    content: Two days.
---
Rest it.
`;

describe('parseCase', () => {
  it('reads front matter, the conversation and where the answer starts', () => {
    const doc = parseCase(CASE);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.data.id, 'demo');
    assert.equal(doc.data.audience, 'layperson');
    assert.equal(doc.conversation.length, 3);
    assert.equal(doc.question, 'My knee hurts.\n\nTwo days.');
    assert.equal(doc.body, 'Rest it.\n');
    assert.deepEqual(new LineIndex(CASE).positionAt(doc.bodyStart), { line: 11, column: 0 });
  });

  it('accepts a single prompt string', () => {
    const doc = parseCase('---\nprompt: Is ibuprofen safe?\n---\nUsually.');
    assert.equal(doc.question, 'Is ibuprofen safe?');
    assert.equal(doc.body, 'Usually.');
  });

  it('treats a file without front matter as all answer', () => {
    const doc = parseCase('Just an answer.');
    assert.equal(doc.body, 'Just an answer.');
    assert.equal(doc.bodyStart, 0);
    assert.equal(doc.question, '');
  });

  it('handles a BOM and CRLF line endings', () => {
    const text = '\uFEFF---\r\nid: x\r\nprompt: Hi\r\n---\r\nAnswer\r\n';
    const doc = parseCase(text);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.data.id, 'x');
    assert.equal(text.slice(doc.bodyStart), 'Answer\r\n');
  });

  it('handles empty files and files with only front matter', () => {
    assert.equal(parseCase('').body, '');
    const doc = parseCase('---\nid: only\n---\n');
    assert.equal(doc.body, '');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(parseCase('---\n---\nA').data, {});
  });

  it('reports broken YAML with a line and column in the document, and still finds the body', () => {
    const doc = parseCase('---\nid: x\nprompt: [unclosed\n---\nAnswer');
    assert.equal(doc.problems.length > 0, true);
    assert.ok(doc.problems[0]!.line >= 2, `line ${doc.problems[0]!.line}`);
    assert.equal(doc.body, 'Answer');
  });

  it('reports wrong field types at the offending key', () => {
    const doc = parseCase('---\nid: x\naudience: martian\nrubric:\n  - criterion: Says hi\n    points: 0\n---\nA');
    const messages = doc.problems.map((p) => `${p.line}:${p.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('2:audience')),
      messages.join(' | '),
    );
    assert.ok(
      messages.some((m) => m.startsWith('5:rubric.0.points: points must not be 0')),
      messages.join(' | '),
    );
  });

  it('reports a front matter block that is never closed without treating YAML as the answer', () => {
    const doc = parseCase('---\nid: x\nAnswer text');
    assert.match(doc.problems[0]!.message, /not closed/);
    assert.equal(doc.body, '');
  });

  it('rejects both prompt and conversation', () => {
    const doc = parseCase('---\nprompt: a\nconversation:\n  - role: user\n    content: b\n---\n');
    assert.match(doc.problems[0]!.message, /either `prompt` or `conversation`/);
    assert.equal(doc.problems[0]!.line, 3, 'at the conversation list');
  });
});
