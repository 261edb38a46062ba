// Renders the `secureIac.rules` setting schema of package.json from the rule registry (run by `npm run gen`).
import * as path from 'node:path';
import { allRules } from '../rules/index';
import { RULE_SETTINGS } from '../server/src/workspace/settings';

export const PACKAGE_JSON = path.resolve(__dirname, '..', 'package.json');

/** The values a rule setting may take: off, on (catalogue severity), or a replacement severity. */
export const RULE_SETTING_VALUES = RULE_SETTINGS;

/** The JSON schema of `secureIac.rules`: one property per rule id, and only those ids as keys. */
export function rulesSettingSchema(): Record<string, unknown> {
  const ids = allRules.map((r) => r.id);
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription:
      'Per-rule settings, by rule id: `"off"`, `"on"` (the catalogue severity), or a severity (`critical`, `high`, `medium`, `low`, `info`) that replaces it. Critical and high show as errors, medium as warnings, low as information, info as hints. Example: `{ "s3-versioning": "off", "sg-open-ssh": "critical" }`.',
    propertyNames: { enum: ids },
    properties: Object.fromEntries(
      allRules.map((rule) => [
        rule.id,
        {
          type: 'string',
          enum: [...RULE_SETTING_VALUES],
          markdownDescription: `${rule.meta.title}. Default: \`${rule.meta.severity}\`${rule.meta.defaultOff ? ', off unless set' : ''}. [Documentation](${rule.meta.docs})`,
        },
      ]),
    ),
    additionalProperties: false,
  };
}

type Json = Record<string, unknown>;

function configurationProperties(pkg: Json): Json {
  const contributes = pkg.contributes as Json | undefined;
  const configuration = contributes?.configuration as Json | undefined;
  const properties = configuration?.properties as Json | undefined;
  if (!properties) throw new Error('package.json has no contributes.configuration.properties');
  return properties;
}

/** Whether package.json's `secureIac.rules` schema matches the registry. */
export function isManifestFresh(pkgText: string): boolean {
  const current = configurationProperties(JSON.parse(pkgText) as Json)['secureIac.rules'];
  return JSON.stringify(current) === JSON.stringify(rulesSettingSchema());
}

/** package.json text with the `secureIac.rules` schema regenerated, everything else untouched. */
export function updateManifest(pkgText: string): string {
  const pkg = JSON.parse(pkgText) as Json;
  configurationProperties(pkg)['secureIac.rules'] = rulesSettingSchema();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
