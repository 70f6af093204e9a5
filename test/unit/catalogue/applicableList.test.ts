import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  APPLICABLE_GROUP_TITLES,
  applicableList,
  type ApplicableGroup,
} from '../../../src/core/catalogue/applicableList';
import { selectPrinciples } from '../../../src/core/lint/selectPrinciples';
import { loadPrinciples } from '../../../src/core/principles/loadPrinciples';
import { scenario } from '../fixtureLibrary';

const BUNDLED = join(__dirname, '..', '..', '..', 'principles');
const QUESTION = "I'm 58 and have had crushing chest pain for 20 minutes. What should I do?";

describe('applicableList (the per-case list of principles that apply, issue 15)', () => {
  const principles = loadPrinciples(BUNDLED).principles;
  const emergent = scenario({ urgency: 'emergent', expertise: 'layperson', task: 'advice' });

  it('is exactly the selection the status item counts, in its order', () => {
    const list = applicableList(principles, emergent, QUESTION);
    assert.deepEqual(
      list.map((e) => e.principle.id),
      selectPrinciples(principles, emergent, QUESTION).map((s) => s.principle.id),
    );
    assert.ok(list.length > 10);
  });

  it('says why each applies, most specific group first', () => {
    const list = applicableList(principles, emergent, QUESTION);
    const cardiac = list.find((e) => e.principle.id === 'urgency.chest-pain-cardiac-features');
    assert.equal(cardiac?.group, 'question');
    assert.match(cardiac!.why, /^Applies because the question mentions “[^”]*chest pain[^”]*”/);
    const order = Object.keys(APPLICABLE_GROUP_TITLES) as ApplicableGroup[];
    const ranks = list.map((e) => order.indexOf(e.group));
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
      'groups are not interleaved',
    );
    assert.ok(list.some((e) => e.group === 'every case' && e.why === 'Applies to every case'));
    assert.ok(list.some((e) => e.group === 'scenario' && /^Applies to (urgency|expertise|task): /.test(e.why)));
    assert.ok(list.every((e) => /^[A-Z]/.test(e.why)));
  });

  it('puts medicine principles last when the question names no medicine, and not when it does', () => {
    const without = applicableList(principles, emergent, QUESTION).filter((e) => e.group === 'medicines');
    assert.ok(without.length > 0);
    assert.ok(
      without.every((e) => e.why === 'Applies, though it is about medicines, which the question does not mention'),
    );
    const withAspirin = applicableList(principles, emergent, `${QUESTION} Should I take aspirin?`);
    assert.equal(withAspirin.filter((e) => e.group === 'medicines').length, 0);
  });
});
