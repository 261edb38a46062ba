// Parses CloudFormation templates (YAML and JSON) into the neutral model; non-templates yield undefined.
import type { Format, IacDocument, ParseError } from '../model/document';
import type { IacNode } from '../model/nodes';
import { convertJson, type JsonConversion } from './cfn-json';
import { buildCfnDocument, isTemplate, looksLikeTemplateText } from './cfn-detect';
import { normalizeTemplate } from './cfn-intrinsics';
import { convertYaml, type YamlConversion } from './cfn-yaml';
import { describeParserFailure, isStackOverflow } from './parser-failure';

/**
 * Parses a YAML template (first document of a stream). Short-form tags and long-form intrinsics become
 * CallNodes. A file with syntax errors is still returned, with what did parse, when it reads like a template.
 * `convert` may be swapped for one that reuses the previous version's work; it must give the same result.
 */
export function parseCfnYaml(uri: string, text: string, convert: (text: string) => YamlConversion = convertYaml): IacDocument | undefined {
  return guarded(uri, 'cfn-yaml', text, () => convert(text));
}

/**
 * Parses a JSON template; as for YAML, a broken file that reads like a template keeps its parsed resources.
 * `convert` may be swapped for one that reuses the previous version's work; it must give the same result.
 */
export function parseCfnJson(uri: string, text: string, convert: (text: string) => JsonConversion = convertJson): IacDocument | undefined {
  return guarded(uri, 'cfn-json', text, () => convert(text));
}

function guarded(
  uri: string,
  format: Format,
  text: string,
  convert: () => { root: IacNode | undefined; errors: ParseError[] },
): IacDocument | undefined {
  try {
    const { root, errors } = convert();
    const map = root?.kind === 'map' ? root : undefined;
    const template = isTemplate(map) || (errors.length > 0 && looksLikeTemplateText(text));
    if (!template) return undefined;
    return buildCfnDocument(uri, format, text, map && normalizeTemplate(map, text), errors);
  } catch (e) {
    // Parsers must never take the server down; an unexpected failure is one error on the first character.
    if (!looksLikeTemplateText(text)) return undefined;
    const message = isStackOverflow(e)
      ? `Cannot read this template: ${describeParserFailure(e)}`
      : `Internal parser error: ${describeParserFailure(e)}`;
    return buildCfnDocument(uri, format, text, undefined, [{ message, range: { start: 0, end: Math.min(1, text.length) } }]);
  }
}
