// What a writer expects beside a case (issue 15), in the real workbench (code-server + Chromium, the installed
// .vsix): the case's status bar item, the shortcut that opens the review panel — pressed, not run as a
// command — bound on case files only, and the list of the principles that apply to the case and why.
// scripts/run-ui-tests.mjs runs these steps after personJourney.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { UiStep } from './personJourney';
import { quickOpen, runCommand, textOf, UI_TIMEOUT_MS, waitFor } from './workbench';

// A lay chest-pain question with an unsafe draft: three error findings, never graded.
const CASE_FILE = 'chest-pain-at-rest.case.md';

const statusItem = (page: Page) =>
  page.locator('.statusbar-item', { hasText: /^\s*(draft|in-review|verified) · / }).first();
const reviewPanelTab = (page: Page) => page.locator('.tabs-container .tab[aria-label*="Review"]').first();

/** Focuses the case's editor by its tab (which leaves the cursor where it was). */
async function focusCase(page: Page): Promise<void> {
  await page.locator(`.tabs-container .tab[aria-label*="${CASE_FILE}"]`).first().click();
  await page
    .locator('.editor-group-container.active .monaco-editor.focused')
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS });
}

export const steps: UiStep[] = [
  {
    name: 'case status: the status bar shows the case’s review status, last score and findings',
    async run({ page, shot }) {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await quickOpen(page, CASE_FILE.replace('.case.md', ''), new RegExp(CASE_FILE.replace(/\./g, '\\.')));
      await page.locator(`.tabs-container .tab.active[aria-label*="${CASE_FILE}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
      await waitFor(
        'the case status item',
        () => textOf(statusItem(page)),
        (t) => t === 'draft · not graded · 3 findings',
      );
      await shot('30-case-status-item');
    },
  },
  {
    name: 'case status: Ctrl+Shift+Alt+V on the case opens the review panel; on another file the shortcut does nothing',
    async run({ page, workspace }) {
      // First on a Markdown file that is not a case: nothing opens, and the case item is gone.
      writeFileSync(path.join(workspace, 'writing-notes.md'), '# Notes\n\nNot a case.\n');
      await quickOpen(page, 'writing-notes', /writing-notes\.md/);
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page
        .locator('.editor-group-container.active .monaco-editor.focused')
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await waitFor(
        'the case item hidden',
        () => statusItem(page).count(),
        (n) => n === 0,
      );
      await page.keyboard.press('Control+Shift+Alt+V');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if ((await reviewPanelTab(page).count()) > 0)
        throw new Error('the shortcut opened the review panel on a file that is not a case');
      await runCommand(page, 'View: Close All Editors');
      await quickOpen(page, CASE_FILE.replace('.case.md', ''), new RegExp(CASE_FILE.replace(/\./g, '\\.')));

      await focusCase(page);
      await waitFor(
        'the case status item',
        () => statusItem(page).count(),
        (n) => n === 1,
      );
      await page.keyboard.press('Control+Shift+Alt+V');
      await reviewPanelTab(page).waitFor({ timeout: UI_TIMEOUT_MS });
      await runCommand(page, 'View: Close All Editors');
    },
  },
  {
    name: 'case status: "Principles that apply to this case" lists them with why each applies',
    async run({ page, shot }) {
      await quickOpen(page, CASE_FILE.replace('.case.md', ''), new RegExp(CASE_FILE.replace(/\./g, '\\.')));
      await focusCase(page);
      await runCommand(page, 'ClinAlign: Principles that apply to this case');
      const title = await waitFor(
        'the list title',
        () => textOf(page.locator('.quick-input-widget .quick-input-title')),
        (t) => /^\d+ principles apply to chest-pain-at-rest\.case\.md$/.test(t),
      );
      const rows = await waitFor(
        'the first rows',
        () => textOf(page.locator('.quick-input-list .monaco-list-row')),
        (t) => t.includes('Applies because the question mentions'),
      );
      if (!/Because of what the question says/.test(rows))
        throw new Error(`no group heading in: ${rows.slice(0, 300)}`);
      await shot('31-principles-that-apply');
      await page.keyboard.press('Escape');
      // The same count as the scenario status item's detail (one selection).
      const count = title.split(' ')[0];
      await runCommand(page, 'ClinAlign: Classify scenario');
      await waitFor(
        'the scenario list title',
        () => textOf(page.locator('.quick-input-widget .quick-input-title')),
        (t) => t.includes(`${count} principles apply`),
      );
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Close All Editors');
    },
  },
];
