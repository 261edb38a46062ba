// The first lines of the Output channel: which server, how many rules, and the configuration each folder runs with.
import { allRules } from '../../../rules/index';
import type { Settings } from '../workspace/settings';
import type { Log } from './guard';
import type { ProjectConfigStore } from './project-config';
import type { SettingsStore } from './settings';

declare const SECURE_IAC_VERSION: string | undefined;

/** The bundle's version (esbuild defines it from package.json); tests running the sources see a dev version. */
export const SERVER_VERSION = typeof SECURE_IAC_VERSION === 'string' ? SECURE_IAC_VERSION : '0.0.0-dev';

/** "Secure IaC server 0.1.0 (Node v20.19.0): 89 rules, 88 on by default". */
export function serverBanner(): string {
  const onByDefault = allRules.filter((r) => !r.meta.defaultOff).length;
  return `Secure IaC server ${SERVER_VERSION} (Node ${process.version}): ${allRules.length} rules, ${onByDefault} on by default`;
}

/**
 * The effective configuration of one folder in one line: what differs from the defaults, so a user who wonders why
 * a rule is silent sees it at once (settings laid over `.secure-iac.yaml`, as every lint uses them).
 */
export function describeSettings(s: Settings, configFile: string | undefined): string {
  const parts = [`enable=${s.enable}`, `run=${s.run}`];
  const rules = Object.entries(s.rules).map(([id, v]) => `${id}=${v}`);
  parts.push(`rules: ${rules.length > 0 ? rules.join(', ') : 'catalogue defaults'}`);
  if (s.exclude.length > 0) parts.push(`exclude: ${s.exclude.join(', ')}`);
  if (s.requiredTags.length > 0) parts.push(`requiredTags: ${s.requiredTags.join(', ')}`);
  if (s.parameterFiles.length > 0) parts.push(`parameterFiles: ${s.parameterFiles.join(', ')}`);
  if (s.varFiles.length > 0) parts.push(`varFiles: ${s.varFiles.join(', ')}`);
  parts.push(`unresolved=${s.unresolved}`, `maxFileSize=${s.maxFileSize}`, `config file: ${configFile ?? 'none'}`);
  return parts.join('; ');
}

/** Logs the banner and each workspace folder's effective configuration (the window's when no folder is open). */
export async function logStartup(log: Log, settings: SettingsStore, projectConfigs: ProjectConfigStore): Promise<void> {
  log.info(serverBanner());
  const folders = settings.folders.length > 0 ? settings.folders : [undefined];
  for (const folder of folders) {
    const effective = await settings.forFolder(folder);
    const configFile = folder === undefined ? undefined : (await projectConfigs.forFolder(folder)).path;
    log.info(`Configuration of ${folder ?? 'the window (no folder open)'}: ${describeSettings(effective, configFile)}`);
  }
}
