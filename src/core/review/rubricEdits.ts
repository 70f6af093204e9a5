import { isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FrontMatterEdit } from '../case/writeFrontMatter';
import { AXES } from '../principles/schema';
import type { RubricItem } from '../rubric/rubricItem';
import { editFrontMatterKey } from './editFrontMatterKey';
import type { ReviewAction } from './reviewMessages';

export type RubricAction = Extract<
  ReviewAction,
  { kind: 'setCriterion' | 'setPoints' | 'setAxis' | 'setVerified' | 'addItem' | 'deleteItem' | 'moveItem' }
>;

/** What "Add item" writes: a placeholder the reviewer rewrites (a criterion may not be empty). */
export const NEW_ITEM: RubricItem = {
  criterion: 'Describe one requirement the answer must meet.',
  points: 5,
  tags: ['level:example', 'axis:completeness'],
};

/**
 * One rubric edit from the review panel as a change of the `rubric:` key (comments and the other items'
 * formatting stay). Changing an item's criterion, points or axis clears its `verified:` — the reviewer
 * verified the old wording. Returns undefined when the action changes nothing.
 */
export function applyRubricAction(documentText: string, action: RubricAction): FrontMatterEdit | undefined {
  return editFrontMatterKey(documentText, 'rubric', (document) => {
    const rubric = rubricSeq(document, action.kind === 'addItem');
    const item = (index: number): YAMLMap => {
      const node = rubric.items[index];
      if (!isMap(node)) throw new Error(`the rubric has no item ${index + 1}`);
      return node;
    };
    switch (action.kind) {
      case 'setCriterion': {
        const node = item(action.index);
        if (String(node.get('criterion')) === action.criterion.trim()) return;
        node.set('criterion', action.criterion.trim());
        node.delete('verified');
        return;
      }
      case 'setPoints': {
        const node = item(action.index);
        if (node.get('points') === action.points) return;
        node.set('points', action.points);
        node.delete('verified');
        return;
      }
      case 'setAxis': {
        if (!(AXES as readonly string[]).includes(action.axis))
          throw new Error(`"${action.axis}" is not an axis (${AXES.join(', ')})`);
        const node = item(action.index);
        if (setAxisTag(document, node, action.axis)) node.delete('verified');
        return;
      }
      case 'setVerified': {
        const node = item(action.index);
        if (action.verified) node.set('verified', true);
        else node.delete('verified');
        return;
      }
      case 'addItem':
        rubric.items.push(itemNode(document, NEW_ITEM));
        return;
      case 'deleteItem':
        item(action.index);
        rubric.items.splice(action.index, 1);
        return;
      case 'moveItem': {
        item(action.index);
        const to = Math.min(action.to, rubric.items.length - 1);
        const [moved] = rubric.items.splice(action.index, 1);
        rubric.items.splice(to, 0, moved);
        return;
      }
    }
  });
}

/** Appends items (from synthesis) to the rubric, creating it when there is none. */
export function appendRubricItems(documentText: string, items: readonly RubricItem[]): FrontMatterEdit | undefined {
  if (items.length === 0) return undefined;
  return editFrontMatterKey(documentText, 'rubric', (document) => {
    const rubric = rubricSeq(document, true);
    for (const item of items) rubric.items.push(itemNode(document, item));
  });
}

function rubricSeq(document: Document, create: boolean): YAMLSeq {
  const existing = document.get('rubric', true);
  if (isSeq(existing)) return existing;
  if (existing !== undefined && !(isScalar(existing) && existing.value === null))
    throw new Error('`rubric:` is not a list');
  if (!create) throw new Error('the case has no rubric');
  const seq = document.createNode([]) as YAMLSeq;
  document.set('rubric', seq);
  return seq;
}

/** A rubric item as a block map with its tags inline, as synthesis writes them. */
function itemNode(document: Document, item: RubricItem): YAMLMap {
  const node = document.createNode({ criterion: item.criterion, points: item.points, tags: item.tags }) as YAMLMap;
  const tags = node.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  return node;
}

/** Replaces (or adds, after `level:`) the item's `axis:` tag; true when it changed. */
function setAxisTag(document: Document, item: YAMLMap, axis: string): boolean {
  const tag = `axis:${axis}`;
  let tags = item.get('tags', true);
  if (!isSeq(tags)) {
    item.set('tags', document.createNode([tag]));
    tags = item.get('tags', true);
    if (isSeq(tags)) tags.flow = true;
    return true;
  }
  const seq = tags as YAMLSeq;
  const at = seq.items.findIndex((t) => isScalar(t) && String(t.value).startsWith('axis:'));
  if (at >= 0) {
    const current = seq.items[at]!;
    if (isScalar(current) && current.value === tag) return false;
    if (isScalar(current)) current.value = tag;
    return true;
  }
  const level = seq.items.findIndex((t) => isScalar(t) && String(t.value).startsWith('level:'));
  seq.items.splice(level + 1, 0, document.createNode(tag));
  return true;
}
