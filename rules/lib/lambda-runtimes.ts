// The Lambda runtime deprecation table (rules/data/lambda-runtimes.json) and what a rule asks of it. The table
// carries the date it was last checked; deprecation is judged as of that date, never the machine clock, so a scan
// gives the same result on every day until the table is updated.
import table from '../data/lambda-runtimes.json';

/** The day the table was last compared with its source (YYYY-MM-DD): the day "deprecated" is judged on. */
export const RUNTIME_TABLE_DATE: string = table.checked;

const DEPRECATED: Readonly<Record<string, string>> = table.deprecated;

/** Runtime identifier → language, for naming the upgrade within the same language (Go moved to the OS-only runtime). */
function languageOf(runtime: string): string | undefined {
  if (runtime.startsWith('nodejs')) return 'Node.js';
  if (runtime.startsWith('python')) return 'Python';
  if (runtime.startsWith('java')) return 'Java';
  if (runtime.startsWith('dotnet')) return '.NET';
  if (runtime.startsWith('ruby')) return 'Ruby';
  if (runtime === 'go1.x' || runtime.startsWith('provided')) return 'OS-only';
  return undefined;
}

/** The runtime's deprecation date when it is on or before the table's date; undefined when supported or not listed. */
export function deprecatedOn(runtime: string): string | undefined {
  const date = DEPRECATED[runtime];
  return date !== undefined && date <= RUNTIME_TABLE_DATE ? date : undefined;
}

/** The supported runtime of the same language that the table keeps longest; undefined when the table has none. */
export function newestSupported(runtime: string): string | undefined {
  const language = languageOf(runtime);
  if (language === undefined) return undefined;
  const supported = Object.entries(DEPRECATED).filter(([id, date]) => languageOf(id) === language && date > RUNTIME_TABLE_DATE);
  supported.sort(([, a], [, b]) => b.localeCompare(a));
  return supported[0]?.[0];
}
