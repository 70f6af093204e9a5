// Helpers that drive VS Code's web workbench (code-server) the way a person does: keys, mouse, and what is on
// screen (DOM text). No extension API and no VS Code command ids: only what a user can see and press.
import type { Locator, Page } from 'playwright-core';

/** Default wait for anything the workbench has to render (2 shared cores: be generous). */
export const UI_TIMEOUT_MS = 30_000;

/** Squiggle decorations in the active editor group's editor. */
export const SQUIGGLES = ['error', 'warning', 'info']
  .map((severity) => `.editor-group-container.active .monaco-editor .view-overlays .squiggly-${severity}`)
  .join(', ');

/** Text as rendered (Monaco renders spaces as U+00A0), trimmed, with runs of white space collapsed. */
export function normalize(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function textOf(locator: Locator): Promise<string> {
  return normalize((await locator.allInnerTexts()).join('\n'));
}

/** Polls `read` until `ok` holds; throws with the last value seen. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      /* element not there yet */
    }
    if (Date.now() > deadline) {
      const shown = typeof last === 'string' ? JSON.stringify(last.slice(0, 400)) : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${shown})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text of the active editor's visible lines. */
export async function editorText(page: Page): Promise<string> {
  return textOf(page.locator('.editor-group-container.active .monaco-editor .view-lines').first());
}

export async function squiggleCount(page: Page): Promise<number> {
  return page.locator(SQUIGGLES).count();
}

/**
 * Presses `keys` until the quick input shows, up to three times: on a busy machine the workbench can drop a
 * key pressed while focus moves (an editor closing, a panel opening), as it would a person's.
 */
async function openQuickInput(page: Page, keys: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(keys);
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? UI_TIMEOUT_MS / 3 : UI_TIMEOUT_MS });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens Quick Open (Ctrl+P), types `name`, waits for the matching row and opens it with Enter. */
export async function quickOpen(page: Page, name: string, expectRow: RegExp): Promise<void> {
  await openQuickInput(page, 'Control+P');
  await page.keyboard.type(name, { delay: 20 });
  await waitFor(
    `a Quick Open row matching ${expectRow}`,
    () => textOf(page.locator('.quick-input-list .monaco-list-row').first()),
    (t) => expectRow.test(t),
  );
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Runs a command from the Command Palette (Ctrl+Shift+P) by typing its label, as a person does. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await openQuickInput(page, 'Control+Shift+P');
  await page.keyboard.type(label, { delay: 10 });
  const wanted = normalize(label).toLowerCase();
  await waitFor(
    `the Command Palette row "${label}"`,
    () => textOf(page.locator('.quick-input-list .monaco-list-row').first()),
    (t) => t.toLowerCase().includes(wanted),
  );
  await page.keyboard.press('Enter');
}

/**
 * Installs, in the page, a probe that records when the last key went down and when the number of squiggles
 * in the active editor first grew after it (a MutationObserver, so the time is when the decoration reached
 * the DOM; the paint follows within a frame).
 */
export async function installSquiggleProbe(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    type Probe = {
      baseline: number;
      lastKey: number;
      keys: number;
      appeared: number | null;
      presentAtLastKey: boolean;
      dispose(): void;
    };
    const w = window as unknown as { __clinalignProbe?: Probe };
    w.__clinalignProbe?.dispose();
    const count = () => document.querySelectorAll(selector).length;
    const probe: Probe = {
      baseline: count(),
      lastKey: 0,
      keys: 0,
      appeared: null,
      presentAtLastKey: false,
      dispose: () => {
        observer.disconnect();
        window.removeEventListener('keydown', onKey, true);
      },
    };
    const onKey = () => {
      probe.lastKey = performance.now();
      probe.keys += 1;
      probe.appeared = null;
      probe.presentAtLastKey = count() > probe.baseline;
    };
    const observer = new MutationObserver(() => {
      if (probe.keys > 0 && probe.appeared === null && count() > probe.baseline) probe.appeared = performance.now();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    window.addEventListener('keydown', onKey, true);
    w.__clinalignProbe = probe;
  }, SQUIGGLES);
}

export interface SquiggleTiming {
  latencyMs: number;
  /** A squiggle was already there when the last key went down, so the figure does not measure this text. */
  presentAtLastKey: boolean;
}

export async function readSquiggleProbe(page: Page, timeoutMs = UI_TIMEOUT_MS): Promise<SquiggleTiming> {
  const probe = await waitFor(
    'a new squiggle after the last keystroke',
    () =>
      page.evaluate(() => {
        const p = (
          window as unknown as {
            __clinalignProbe?: { lastKey: number; appeared: number | null; presentAtLastKey: boolean };
          }
        ).__clinalignProbe;
        return p ? { lastKey: p.lastKey, appeared: p.appeared, presentAtLastKey: p.presentAtLastKey } : null;
      }),
    (p) => p !== null && p.appeared !== null,
    timeoutMs,
  );
  await page.evaluate(() =>
    (window as unknown as { __clinalignProbe?: { dispose(): void } }).__clinalignProbe?.dispose(),
  );
  return { latencyMs: probe!.appeared! - probe!.lastKey, presentAtLastKey: probe!.presentAtLastKey };
}
