import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('walkthrough contribution', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('has the four steps, each with a Markdown page that exists and a way to complete it', () => {
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['openCase', 'seeFinding', 'quickFix', 'model'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0, step.id);
    }
  });

  it('links the model step to the endpoint configuration, the API key and the settings', () => {
    const model = walkthrough.steps.find((s: { id: string }) => s.id === 'model');
    for (const command of ['clinalign.configureModel', 'clinalign.setApiKey', 'clinalign.openSettings']) {
      assert.ok(model.description.includes(`command:${command}`), command);
    }
  });
});
