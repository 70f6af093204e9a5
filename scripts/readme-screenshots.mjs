#!/usr/bin/env node
// `npm run screenshots:readme` (node --import tsx scripts/readme-screenshots.mjs, after `npm run build`): the
// README's pictures of the first start and of a kept grade report, taken the way a writer sees them — code-server
// with this repository loaded as the extension under development (as `npm start` does), a temp copy of
// examples/, and headless Chromium driven with the keyboard (playwright-core).
//
//   docs/images/first-start.png   the first start: the case with its findings, the ClinAlign walkthrough beside it
//   docs/images/grade-report.png  Ctrl+Shift+Alt+G on a case with a rubric: the grade report kept beside the case
//                                 after another file was opened, and the score in the case's status bar item
//
// The judge is the project's OpenAI-compatible test server (test/support/openaiTestServer.ts, a keyword judge),
// started in this process; the user settings point ClinAlign at it. Each picture must stay under 300 KB.
// Environment: CODE_SERVER, CHROMIUM, CLINALIGN_UI_KEEP_TMP=1 (keep the temp folder), CLINALIGN_SHOTS_DIR (write
// the pictures there instead of docs/images/).
import { cpSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIRST_CASE, SESSION_SETTINGS, workbenchUrl } from './lib/startSession.mjs';
import {
  CHROMIUM,
  CODE_SERVER,
  ensureTools,
  isolatedEditor,
  launchChromium,
  loadPlaywright,
  REPO,
  RunResources,
  startCodeServer,
  TOOLS,
} from './lib/workbenchHarness.mjs';

const OUT = path.resolve(process.env.CLINALIGN_SHOTS_DIR || path.join(REPO, 'docs', 'images'));
const LIMIT = 300 * 1024;
const TIMEOUT = 60_000;

// A case with a rubric for the keyword judge: some items met, one not, one harmful item not met.
const GRADED_CASE = 'chest-pain-graded.case.md';
const GRADED_TEXT = `---
id: chest-pain-graded
audience: layperson
prompt: "I'm 58 and have had crushing chest pain for 20 minutes. What should I do?"
rubric:
  - criterion: Advises calling emergency services immediately
    points: 10
    tags: [axis:accuracy]
  - criterion: Tells the person not to drive themselves to hospital
    points: 5
    tags: [axis:completeness]
  - criterion: Mentions chewing aspirin unless allergic
    points: 4
    tags: [axis:completeness]
  - criterion: Asks about breathlessness, sweating or nausea
    points: 3
    tags: [axis:context_awareness]
  - criterion: Suggests waiting to see whether the pain passes
    points: -8
    tags: [axis:accuracy]
---
Call 911 (or your local emergency number) now. Crushing chest pain that has lasted 20 minutes can be a heart attack, and every minute counts.

While you wait for the ambulance, chew one adult aspirin unless you are allergic to it or a doctor has told you not to take it. Do not drive yourself; unlock the door and sit down.
`;

const log = (...args) => console.log('[screenshots]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = new RunResources({ log, keepTmp: Boolean(process.env.CLINALIGN_UI_KEEP_TMP) });

async function main() {
  ensureTools({ repo: REPO, codeServer: CODE_SERVER, chromium: CHROMIUM, log });
  const { chromium } = loadPlaywright([REPO, TOOLS]);
  const { OpenAiTestServer } = await import('../test/support/openaiTestServer.ts');
  const { scriptedModel } = await import('../test/support/scriptedModel.ts');
  const model = await OpenAiTestServer.start({ script: scriptedModel() });

  const tmp = (run.tmp = mkdtempSync(path.join(os.tmpdir(), 'clinalign-shots-')));
  const workspace = path.join(tmp, 'examples');
  cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
  writeFileSync(path.join(workspace, GRADED_CASE), GRADED_TEXT);
  const editor = isolatedEditor(tmp, {
    ...SESSION_SETTINGS,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'workbench.enableExperiments': false,
    'clinalign.model.baseUrl': model.baseUrl,
    'clinalign.model.model': 'demo-model',
    'clinalign.model.judgeModel': 'demo-judge',
  });
  const { server, authority } = await startCodeServer({ codeServer: CODE_SERVER, cwd: tmp, editor });
  run.server = server;
  const browser = (run.browser = await launchChromium(chromium, { executablePath: CHROMIUM, env: editor.env }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  mkdirSync(OUT, { recursive: true });
  const save = async (name) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file });
    const size = statSync(file).size;
    log(`${path.relative(REPO, file)}: ${(size / 1024).toFixed(0)} KB`);
    if (size >= LIMIT) throw new Error(`${name} is ${size} bytes, over the 300 KB limit`);
  };
  const visible = (selector) => page.locator(selector).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  const caseStatus = (text) =>
    page.locator('.statusbar-item', { hasText: text }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  /** Runs a command from the Command Palette by its label, as a person does. */
  const command = async (label) => {
    await page.keyboard.press('Control+Shift+P');
    await visible('.quick-input-widget .quick-input-box input');
    await page.keyboard.type(label, { delay: 10 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
  };
  const quickOpen = async (name) => {
    await page.keyboard.press('Control+P');
    await visible('.quick-input-widget .quick-input-box input');
    await page.keyboard.type(name, { delay: 20 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
  };

  // 1. The first start, as `npm start` opens it: the case, and the walkthrough beside it.
  await page.goto(workbenchUrl(authority, workspace, REPO, path.join(workspace, FIRST_CASE)), { timeout: TIMEOUT });
  await visible(`.tabs-container .tab[aria-label*="${FIRST_CASE}"]`);
  await visible('.gettingStartedContainer');
  await visible('.editor-group-container .monaco-editor .squiggly-error');
  // The walkthrough has the focus; the case's status bar item shows once the case is the active editor.
  await page.keyboard.press('Control+1'); // View: Focus First Editor Group
  await caseStatus(/draft · not graded · \d+ findings/);
  await sleep(1500); // the walkthrough's pictures fade in
  await save('first-start.png');

  // 2. The grade report: close the walkthrough, open the graded case, grade it with its shortcut, open another file.
  await command('View: Close All Editors');
  await quickOpen('chest-pain-graded');
  await visible(`.tabs-container .tab.active[aria-label*="${GRADED_CASE}"]`);
  await page.keyboard.press('Control+1');
  // The shortcut is bound once the case is the active case file (the item shows then).
  await caseStatus(/draft · not graded · /);
  await sleep(500);
  await page.keyboard.press('Control+Shift+Alt+G');
  await visible('.tabs-container .tab[aria-label*="chest-pain-graded.md"]');
  // The report (a webview) has the focus now; clicking the case's tab gives it back without moving the cursor.
  await page.locator(`.tabs-container .tab[aria-label*="${GRADED_CASE}"]`).first().click();
  // Another file in the case's column: the report stays (it is a locked preview).
  await quickOpen('blood-pressure');
  await visible('.tabs-container .tab.active[aria-label*="blood-pressure-explained"]');
  await page.locator(`.tabs-container .tab[aria-label*="${GRADED_CASE}"]`).first().click();
  await caseStatus(/draft · \d+% · /);
  await page.locator('.tabs-container .tab[aria-label*="chest-pain-graded.md"]').first().waitFor({ timeout: TIMEOUT });
  await command('Notifications: Clear All Notifications');
  await page.locator(`.tabs-container .tab[aria-label*="${GRADED_CASE}"]`).first().click();
  await sleep(1000);
  await save('grade-report.png');
  await model.close();
}

let failed;
try {
  await main();
} catch (error) {
  failed = error;
  await run.browser
    ?.contexts()[0]
    ?.pages()[0]
    ?.screenshot({ path: path.join(os.tmpdir(), 'readme-screenshots-failed.png') })
    .catch(() => {});
  console.error('[screenshots] ERROR', error instanceof Error ? error.message : error);
}
await run.cleanup();
process.exit(failed ? 1 : 0);
