// The review panel "as a person uses it", in the real workbench (code-server + Chromium): open a case, open the
// panel from the Command Palette, draft a rubric, edit a criterion, change points, tick every item verified,
// set the status to verified, save, and check the file on disk; then edit the answer in the text editor and
// see the panel drop the case back to in-review. scripts/run-ui-tests.mjs runs the `steps` of every
// test/e2e/*.ui.ts after personJourney.ts; the first step here still waits for the workbench, and makes room.
// With CLINALIGN_UI_UPDATE_README_SHOTS=1 the picture of the verified panel is also saved as
// docs/images/review-panel.png (the README's).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { UiStep } from './personJourney';
import { quickOpen, runCommand, textOf, UI_TIMEOUT_MS, waitFor } from './workbench';

// A case whose answer is safe: the verification gate refuses answers with error findings (chest-pain-at-rest has
// three), which the integration tests cover.
const CASE_FILE = 'blood-pressure-explained.case.md';
const REVIEWER = 'Dr UI Reviewer';
const NEW_CRITERION = 'Explains what the two numbers of a blood pressure reading mean.';
const ADDED_SENTENCE = 'Do not drive yourself to hospital.';
const REPO = path.resolve(__dirname, '..', '..');
const README_SHOT = path.join(REPO, 'docs', 'images', 'review-panel.png');

/** The panel's document: VS Code nests a webview's page in two iframes. */
function panel(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

function caseOnDisk(workspace: string): string {
  return readFileSync(path.join(workspace, CASE_FILE), 'utf8');
}

/** The case editor's visible text (the panel's group is the active one, so not `editorText`). */
async function caseText(page: Page): Promise<string> {
  return textOf(page.locator('.editor-group-container .monaco-editor .view-lines').first());
}

/**
 * Clicks into a field of the panel and selects its text. The workbench hands the focus to the webview's
 * frame asynchronously, so keys typed right after the first click can go nowhere: wait until the field has it.
 */
async function focusField(page: Page, field: Locator): Promise<void> {
  await field.click();
  await waitFor(
    'the field to have the keyboard focus',
    () => field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement && document.hasFocus()),
    (v) => v,
  );
  // End, Shift+Home rather than Ctrl+A: the workbench runs a webview's Ctrl+A itself, a moment later, which
  // would select the first typed letters.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
}

async function verifyProgress(page: Page): Promise<string> {
  return textOf(panel(page).locator('[data-testid="verify-progress"]'));
}

/** Saves the case: focus its editor (the panel has the focus) and press Ctrl+S. */
async function saveCase(page: Page): Promise<void> {
  await page.locator(`.tabs-container .tab[aria-label*="${CASE_FILE}"]`).first().click();
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Control+S');
  await waitFor(
    'the case tab to be saved',
    () => textOf(page.locator(`.tabs-container .tab.dirty[aria-label*="${CASE_FILE}"]`)),
    (t) => t === '',
  );
}

export const steps: UiStep[] = [
  {
    name: 'review panel: "ClinAlign: Open review panel" opens beside the case and shows its scenario',
    critical: true,
    async run({ page, workspace }) {
      // The reviewer's name, as a user sets it (the workspace settings file; the workbench picks it up).
      mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
      writeFileSync(
        path.join(workspace, '.vscode', 'settings.json'),
        JSON.stringify({ 'clinalign.reviewerName': REVIEWER }, null, 2),
      );
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      // Room for the panel: no side bar, no bottom panel (earlier steps may have opened them).
      if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
      if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
      await quickOpen(page, CASE_FILE.replace('.case.md', ''), new RegExp(CASE_FILE.replace(/\./g, '\\.')));
      await page.locator(`.tabs-container .tab.active[aria-label*="${CASE_FILE}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
      await runCommand(page, 'ClinAlign: Open review panel');
      await waitFor(
        'the panel heading',
        () => textOf(panel(page).locator('h1')),
        (t) => t.includes(`Review: ${CASE_FILE}`),
        60_000,
      );
      const scenario = await textOf(panel(page).locator('table.scenario'));
      if (!/urgency/.test(scenario) || !/the case’s audience/.test(scenario))
        throw new Error(`scenario table: ${scenario}`);
      const status = await textOf(panel(page).locator('[data-testid="review-status"]'));
      if (status !== 'draft') throw new Error(`expected status draft, saw ${status}`);
    },
  },
  {
    name: 'review panel: "Synthesize (offline)" drafts a rubric into the document',
    critical: true,
    async run({ page }) {
      await panel(page)
        .getByRole('button', { name: /Draft the rubric from the principle templates/ })
        .click();
      await waitFor(
        'rubric rows in the panel',
        () => panel(page).locator('ol.rubric li.item').count(),
        (n) => n >= 6,
      );
      await waitFor(
        'the rubric in the editor text',
        () => caseText(page),
        (t) => t.includes('rubric:'),
      );
    },
  },
  {
    name: 'review panel: edit a criterion and change points; the document follows',
    critical: true,
    async run({ page }) {
      const p = panel(page);
      const criterion = p.locator('vscode-textfield.criterion-field input').first();
      await focusField(page, criterion);
      await page.keyboard.type(NEW_CRITERION, { delay: 5 });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab'); // leaves the field: "change"
      await waitFor(
        'the new criterion in the editor',
        () => caseText(page),
        (t) => t.includes(NEW_CRITERION),
      );
      const points = p.locator('vscode-textfield.points-field input').nth(1);
      const before = Number(await points.inputValue());
      const after = before > 0 ? (before === 10 ? 9 : before + 1) : before === -10 ? -9 : before - 1;
      await focusField(page, points);
      await page.keyboard.type(String(after));
      await page.keyboard.press('Tab');
      await waitFor(
        `points ${after} in the panel state`,
        async () => Number(await p.locator('vscode-textfield.points-field input').nth(1).inputValue()),
        (v) => v === after,
      );
      // 0 is refused in the panel: the field is marked invalid and nothing is sent.
      await focusField(page, points);
      await page.keyboard.type('0');
      await page.keyboard.press('Tab');
      await waitFor(
        'the points field marked invalid',
        () => p.locator('vscode-textfield.points-field').nth(1).getAttribute('invalid'),
        (v) => v !== null,
      );
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type(String(after));
      await page.keyboard.press('Tab');
    },
  },
  {
    name: 'review panel: tick every item verified, set the status to verified, and the saved file says so',
    critical: true,
    async run({ page, workspace, shot }) {
      const p = panel(page);
      const rows = await p.locator('ol.rubric li.item').count();
      if (!/^0 of/.test(await verifyProgress(page)))
        throw new Error(`items verified before ticking: ${await verifyProgress(page)}`);
      const verifiedButton = p.locator('vscode-button[data-status="verified"]');
      if ((await verifiedButton.getAttribute('disabled')) === null)
        throw new Error('"Verified" is enabled while items are not verified');
      for (let i = 0; i < rows; i++) {
        await p.locator('vscode-checkbox').nth(i).click();
        await waitFor(
          `${i + 1} items verified`,
          () => verifyProgress(page),
          (t) => t.startsWith(`${i + 1} of ${rows}`),
        );
      }
      await waitFor(
        '"Verified" to become available',
        () => verifiedButton.getAttribute('disabled'),
        (v) => v === null,
      );
      await verifiedButton.click();
      await waitFor(
        'status verified in the panel',
        () => textOf(p.locator('[data-testid="review-status"]')),
        (t) => t === 'verified',
      );
      await shot('20-review-panel-verified');
      if (process.env.CLINALIGN_UI_UPDATE_README_SHOTS) {
        // Only on request: a test run must not change tracked files.
        mkdirSync(path.dirname(README_SHOT), { recursive: true });
        await page.screenshot({ path: README_SHOT });
      }
      await saveCase(page);
      const checksOf = (disk: string): [string, boolean][] => [
        ['the edited criterion', disk.includes(`criterion: ${NEW_CRITERION}`)],
        [`${rows} verified items`, (disk.match(/^ {4}verified: true$/gm) ?? []).length === rows],
        ['status: verified', /^review:\n(?: {2}.*\n)*? {2}status: verified/m.test(disk)],
        [`updatedBy: ${REVIEWER}`, disk.includes(`updatedBy: ${REVIEWER}`)],
        ['reviewers list', disk.includes(`reviewers: [${REVIEWER}]`)],
        ['a fingerprint', /fingerprint: [0-9a-f]{64}/.test(disk)],
        ['the answer unchanged', disk.includes('It is not an emergency on its own.')],
      ];
      // The save reaches the disk a moment after the tab stops being dirty.
      const disk = await waitFor(
        'the saved file',
        async () => caseOnDisk(workspace),
        (d) => checksOf(d).every(([, ok]) => ok),
        10_000,
      ).catch(() => caseOnDisk(workspace));
      const missing = checksOf(disk)
        .filter(([, ok]) => !ok)
        .map(([what]) => what);
      if (missing.length > 0) throw new Error(`the file on disk lacks ${missing.join(', ')}:\n${disk.slice(0, 1500)}`);
    },
  },
  {
    name: 'review panel: editing the answer in the text editor drops the case back to in-review, with a note',
    async run({ page, workspace, shot }) {
      await page.locator(`.tabs-container .tab[aria-label*="${CASE_FILE}"]`).first().click();
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${ADDED_SENTENCE}`, { delay: 10 });
      const p = panel(page);
      await waitFor(
        'status in-review in the panel',
        () => textOf(p.locator('[data-testid="review-status"]')),
        (t) => t === 'in-review',
      );
      const note = await textOf(p.locator('[data-testid="review-note"]'));
      if (!/changed after it was verified by Dr UI Reviewer/.test(note)) throw new Error(`note: ${note}`);
      await shot('21-review-panel-back-in-review');
      await saveCase(page);
      const dropped = (d: string) =>
        d.includes(ADDED_SENTENCE) && /status: in-review/.test(d) && !/fingerprint:/.test(d) && /note: /.test(d);
      const disk = await waitFor('the saved file', async () => caseOnDisk(workspace), dropped, 10_000).catch(() =>
        caseOnDisk(workspace),
      );
      if (!dropped(disk)) throw new Error(`the file on disk is not back in review:\n${disk.slice(-800)}`);
    },
  },
];
