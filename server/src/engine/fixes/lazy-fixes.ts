// Quick-fix edits computed on first read: the language server lints on every keystroke but needs a finding's edits
// only when the user asks for code actions, and writing them costs more than finding the problem.
import type { Finding, Fix } from '../types';

/**
 * Gives `finding` a `fixes` property that runs `compute` the first time it is read and keeps the result. It is
 * enumerable, so JSON output, structured clone (worker threads) and deep equality see plain fixes. `compute` must
 * depend only on inputs that do not change after the lint (the parsed document and its scope).
 */
export function withLazyFixes(compute: () => Fix[], finding: Omit<Finding, 'fixes'>): Finding {
  let fixes: Fix[] | undefined;
  return Object.defineProperty(finding as Finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => (fixes ??= compute()),
    set: (value: Fix[]) => void (fixes = value),
  });
}
