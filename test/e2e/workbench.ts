// Workbench UI helpers for code-server in Chromium: open files, diagnostics, Problems, quick fixes, commands.
//
// Every wait is on a DOM condition with a timeout; none sleeps. Selectors were checked against
// code-server 4.100.3 (VS Code 1.100.3). Keyboard is preferred over mouse for menus because the
// action widget lays a `.context-view-pointerBlock` over the page that swallows clicks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from './pw';

export const SEL = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputRow: '.quick-input-list .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  activeEditor: '.editor-group-container.active .monaco-editor',
  squiggle: { error: '.squiggly-error', warning: '.squiggly-warning', info: '.squiggly-info' },
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  actionWidget: '.action-widget',
  actionRow: '.action-widget .monaco-list-row.action',
  toast: '.notifications-toasts .notification-list-item-message',
} as const;

export const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');

/** CSS attribute-selector string literal (labels may hold quotes or backslashes). */
function cssString(s: string): string {
  return JSON.stringify(s);
}

/** Waits until the active tab shows `basename` and its editor has rendered lines. */
async function waitForActiveEditor(page: Page, basename: string, timeout: number): Promise<void> {
  await page.waitForSelector(`${SEL.activeTab}[aria-label^=${cssString(basename)}]`, { timeout });
  await page.waitForSelector(`${SEL.activeEditor} .view-lines .view-line`, { timeout });
}

/**
 * Opens a workspace-relative file with Quick Open (Ctrl+P). Works for nested paths without
 * expanding folders; relies on the ripgrep that scripts/e2e-setup.sh provided.
 */
export async function openFile(page: Page, relPath: string, timeout = 30_000): Promise<void> {
  const base = path.basename(relPath);
  await page.keyboard.press('Control+P');
  await page.waitForSelector(SEL.quickInput, { state: 'visible', timeout });
  await page.keyboard.insertText(relPath);
  // Row labels read "<name>, file results" at the root and "<name> <dir>, file results" below it
  // (", recently opened" for history); wait for ours, then pick it.
  const dir = path.posix.dirname(relPath.split(path.sep).join('/'));
  const prefix = dir === '.' ? `${base},` : `${base} ${dir},`;
  await page.waitForFunction(
    ({ sel, prefix }) => [...document.querySelectorAll(sel)].some((e) => (e.getAttribute('aria-label') ?? '').startsWith(prefix)),
    { sel: SEL.quickInputRow, prefix },
    { timeout },
  );
  await selectQuickInputRow(page, (label) => label.startsWith(prefix), timeout);
  await waitForActiveEditor(page, base, timeout);
}

/** Opens a top-level file by clicking its name in the Explorer (folders must already be expanded). */
export async function openFileFromExplorer(page: Page, name: string, timeout = 30_000): Promise<void> {
  await page.locator(`${SEL.explorerRow}[aria-label=${cssString(name)}]`).click({ timeout });
  await waitForActiveEditor(page, name, timeout);
}

/** Gives keyboard focus to the active editor (Ctrl+1 = focus first editor group). */
export async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.waitForSelector(`${SEL.activeEditor}.focused`, { timeout: 10_000 });
}

/** Moves the cursor with Go to Line (Ctrl+G); 1-based like the UI. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await page.waitForSelector(SEL.quickInput, { state: 'visible' });
  await page.keyboard.insertText(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(SEL.quickInput, { state: 'hidden' });
  // The status bar's "Ln x, Col y" is the only visible proof the cursor moved.
  await page.waitForFunction(
    (want) => [...document.querySelectorAll('.statusbar-item')].some((e) => (e.textContent ?? '').includes(want)),
    `Ln ${line}, Col ${column}`,
    { timeout: 10_000 },
  );
}

export type Severity = 'error' | 'warning' | 'info';

/** Waits for at least `count` squiggles of `severity` in the active editor. */
export async function waitForSquiggle(page: Page, severity: Severity = 'error', timeout = 30_000, count = 1): Promise<void> {
  await page.waitForFunction(
    ({ sel, count }) => document.querySelectorAll(sel).length >= count,
    { sel: `${SEL.activeEditor} ${SEL.squiggle[severity]}`, count },
    { timeout },
  );
}

/** Waits until the active editor shows no squiggle of `severity`. */
export async function waitForNoSquiggle(page: Page, severity: Severity = 'error', timeout = 30_000): Promise<void> {
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, `${SEL.activeEditor} ${SEL.squiggle[severity]}`, { timeout });
}

/** Opens (or focuses) the Problems panel with Ctrl+Shift+M. */
export async function openProblems(page: Page, timeout = 15_000): Promise<void> {
  if ((await page.locator(`${SEL.problemsPanel}`).count()) > 0 && (await page.locator(SEL.problemsPanel).first().isVisible())) return;
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector(SEL.problemsPanel, { state: 'visible', timeout });
}

export interface ProblemRow {
  severity: Severity | 'unknown';
  message: string;
  source: string;
  code: string;
  /** 1-based, parsed from "[Ln x, Col y]". */
  line: number;
  column: number;
  /** Basename of the file row above this problem. */
  file: string;
}

/**
 * Reads the Problems rows currently rendered. The tree is virtualised: only rows that fit the
 * panel are in the DOM, so keep scenario files small or filter the panel first.
 */
export async function readProblems(page: Page): Promise<ProblemRow[]> {
  await openProblems(page);
  return page.locator(SEL.problemsRow).evaluateAll((rows) => {
    const out: { severity: string; message: string; source: string; code: string; line: number; column: number; file: string }[] = [];
    let file = '';
    const sorted = [...rows].sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
    for (const row of sorted) {
      const icon = row.querySelector('.marker-icon');
      if (!icon) {
        file = row.querySelector('.label-name')?.textContent ?? '';
        continue;
      }
      // No named helper functions in here: tsx wraps them in __name(), which the page lacks.
      const [message, source, code, where] = ['.marker-message', '.marker-source', '.marker-code', '.marker-line'].map(
        (sel) => row.querySelector(sel)?.textContent?.trim() ?? '',
      );
      const pos = /Ln (\d+), Col (\d+)/.exec(where ?? '');
      const severity = ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? 'unknown';
      out.push({
        severity,
        message: message ?? '',
        source: source ?? '',
        code: code ?? '',
        line: Number(pos?.[1] ?? 0),
        column: Number(pos?.[2] ?? 0),
        file,
      });
    }
    return out;
  }) as Promise<ProblemRow[]>;
}

/** Polls the Problems panel until `predicate` holds; returns the rows that satisfied it. */
export async function waitForProblems(page: Page, predicate: (rows: ProblemRow[]) => boolean, timeout = 30_000): Promise<ProblemRow[]> {
  const deadline = Date.now() + timeout;
  let rows: ProblemRow[] = [];
  for (;;) {
    rows = await readProblems(page);
    if (predicate(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`Problems panel never matched; last rows: ${JSON.stringify(rows)}`);
    // Wait for any DOM change in the panel instead of sleeping a fixed time.
    await page.waitForFunction(
      (sel) =>
        new Promise<boolean>((resolve) => {
          const el = document.querySelector(sel);
          if (!el) {
            resolve(true);
            return;
          }
          const obs = new MutationObserver(() => {
            obs.disconnect();
            resolve(true);
          });
          obs.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            obs.disconnect();
            resolve(true);
          }, 1000);
        }),
      SEL.problemsPanel,
      { timeout: 5_000 },
    );
  }
}

/** Moves the keyboard focus in a list until `match(aria-label)` is focused, then presses Enter. */
async function selectFocusedRow(page: Page, rowSel: string, match: (label: string) => boolean, what: string, timeout: number): Promise<void> {
  const labels = await page.locator(rowSel).evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
  if (!labels.some(match)) throw new Error(`no ${what} matches; available: ${JSON.stringify(labels)}`);
  for (let i = 0; i <= labels.length; i++) {
    const focused =
      (await page
        .locator(`${rowSel}.focused`)
        .first()
        .getAttribute('aria-label')
        .catch(() => null)) ?? '';
    if (match(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      ({ sel, prev }) => (document.querySelector(`${sel}.focused`)?.getAttribute('aria-label') ?? '') !== prev,
      { sel: rowSel, prev: focused },
      { timeout },
    );
  }
  throw new Error(`could not focus ${what}; available: ${JSON.stringify(labels)}`);
}

async function selectQuickInputRow(page: Page, match: (label: string) => boolean, timeout: number): Promise<void> {
  await selectFocusedRow(page, SEL.quickInputRow, match, 'quick input row', timeout);
  await page.waitForSelector(SEL.quickInput, { state: 'hidden', timeout });
}

/** Opens the Quick Fix menu (Ctrl+.) at the cursor and returns its item titles. */
export async function openQuickFixMenu(page: Page, timeout = 15_000): Promise<string[]> {
  await focusEditor(page);
  await page.keyboard.press('Control+.');
  await page.waitForSelector(SEL.actionWidget, { state: 'visible', timeout });
  // The menu first shows a "Loading..."-style state on slow providers; wait for a real action row.
  await page.waitForSelector(SEL.actionRow, { timeout });
  return page.locator(SEL.actionRow).evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** Applies the quick fix titled `title` (exact match, or a RegExp) from the Ctrl+. menu. */
export async function applyQuickFix(page: Page, title: string | RegExp, timeout = 15_000): Promise<void> {
  if (
    !(await page
      .locator(SEL.actionWidget)
      .first()
      .isVisible()
      .catch(() => false))
  )
    await openQuickFixMenu(page, timeout);
  const match = (l: string): boolean => (typeof title === 'string' ? l === title : title.test(l));
  await selectFocusedRow(page, SEL.actionRow, match, `quick fix ${String(title)}`, timeout);
  await page.waitForSelector(SEL.actionWidget, { state: 'hidden', timeout });
}

/** Runs a command from the palette (F1) by its exact title as shown, e.g. "Secure IaC: Scan Workspace". */
export async function runCommand(page: Page, title: string, timeout = 15_000): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector(SEL.quickInput, { state: 'visible', timeout });
  await page.keyboard.insertText(title);
  // Command rows' aria-label is the title, sometimes followed by ", <keybinding>" or other details.
  const match = (l: string): boolean => l === title || l.startsWith(`${title},`);
  await page.waitForFunction(
    ({ sel, title }) =>
      [...document.querySelectorAll(sel)].some((e) => {
        const l = e.getAttribute('aria-label') ?? '';
        return l === title || l.startsWith(`${title},`);
      }),
    { sel: SEL.quickInputRow, title },
    { timeout },
  );
  await selectQuickInputRow(page, match, timeout);
}

/** Waits for a notification toast containing `text`; returns all toast messages. */
export async function waitForNotification(page: Page, text: string, timeout = 15_000): Promise<string[]> {
  await page.waitForFunction(
    ({ sel, text }) => [...document.querySelectorAll(sel)].some((e) => (e.textContent ?? '').includes(text)),
    { sel: SEL.toast, text },
    { timeout },
  );
  return page.locator(SEL.toast).allInnerTexts();
}

/**
 * Text of the active editor's rendered lines, in order. Monaco renders only visible lines and
 * uses U+00A0 for spaces, so this normalises spaces and suits short files; for long ones use
 * readEditorTextViaClipboard or save and read the file.
 */
export async function readEditorText(page: Page): Promise<string> {
  const lines = await page
    .locator(`${SEL.activeEditor} .view-lines .view-line`)
    .evaluateAll((es) => es.map((e) => ({ top: parseFloat((e as HTMLElement).style.top) || 0, text: e.textContent ?? '' })));
  return lines
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/** Whole document via select-all + copy (clipboard permission is granted by openWorkbench). Moves the cursor to the top. */
export async function readEditorTextViaClipboard(page: Page): Promise<string> {
  await focusEditor(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const text = await page.evaluate(() => navigator.clipboard.readText(), undefined);
  await page.keyboard.press('Control+Home');
  return text;
}

/** Saves the active editor and waits until its tab is no longer dirty. */
export async function saveActiveEditor(page: Page, timeout = 15_000): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await page.waitForSelector(`${SEL.activeTab}.dirty`, { state: 'detached', timeout });
}

/** Saves, then returns the file's content from disk: the ground truth of what a fix wrote. */
export async function saveAndReadFile(page: Page, absPath: string): Promise<string> {
  await saveActiveEditor(page);
  return fs.readFileSync(absPath, 'utf8');
}

/** Writes `<name>.png` into test/e2e/screenshots/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}
