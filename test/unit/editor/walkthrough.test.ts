import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('walkthrough contribution', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('has the four steps, each with a Markdown page that exists and a way to complete it', () => {
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openCase', 'seeFinding', 'quickFix', 'model']);
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0, step.id);
    }
  });

  it('points at model configuration as arriving later, with a link to the settings', () => {
    const model = walkthrough.steps.find((s: { id: string }) => s.id === 'model');
    assert.match(model.description, /arrive with the model feature/);
    assert.match(model.description, /command:clinalign\.openSettings/);
  });
});
