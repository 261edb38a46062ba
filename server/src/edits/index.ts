// Picks the text writer for a document's syntax: the only switch on format for edits.
import type { Format } from '../model/document';
import { hclWriter } from './hcl-writer';
import { jsonWriter } from './json-writer';
import type { Writer } from './types';
import { yamlWriter } from './yaml-writer';

export function writerFor(format: Format): Writer {
  switch (format) {
    case 'cfn-yaml':
      return yamlWriter;
    case 'cfn-json':
    case 'tf-json':
      return jsonWriter;
    case 'tf-hcl':
      return hclWriter;
  }
}
