// Tagged templates that mark a test source with its syntax and strip the indentation of the test file.
import type { Format } from '../../server/src/model/document';

/** A source text in one of the four syntaxes. */
export interface Source {
  format: Format;
  code: string;
}

/** Removes the common indentation and the first/last blank lines, so cases read as plain IaC. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '\n')
    .split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

function tag(format: Format) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Source => ({
    format,
    code: dedent(String.raw({ raw: strings }, ...values)),
  });
}

export const cfnYaml = tag('cfn-yaml');
export const cfnJson = tag('cfn-json');
export const tfHcl = tag('tf-hcl');
export const tfJson = tag('tf-json');

/** The file name a source is linted under, so format detection sees the right extension. */
export function fileNameFor(format: Format): string {
  return { 'cfn-yaml': 'template.yaml', 'cfn-json': 'template.json', 'tf-hcl': 'main.tf', 'tf-json': 'main.tf.json' }[format];
}
