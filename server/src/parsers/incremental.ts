// Parses successive versions of an open buffer: YAML templates re-parse only the resources whose text changed
// (cfn-yaml-chunks.ts), JSON templates only the resource an edit lies in (cfn-json-splice.ts), Terraform only the
// top-level blocks an edit touched (tf-hcl-splice.ts: about ten times cheaper than the whole parse on a 60 KB file,
// mostly in garbage not made).
import type { IacDocument } from '../model/document';
import { JsonSplice } from './cfn-json-splice';
import { YamlPieces } from './cfn-yaml-chunks';
import { HclSplice } from './tf-hcl-splice';
import { parseDocument } from './index';

/**
 * Keeps what the last parse of one open buffer can lend the next. The result of `parse` equals
 * `parseDocument(uri, text)`: the YAML and JSON converters promise the plain conversion's result. One per buffer,
 * owned by that buffer's session (handlers/document-session.ts), so closing the buffer drops it whole.
 */
export class IncrementalParser {
  private pieces: YamlPieces | undefined;
  private splice: JsonSplice | undefined;
  private hcl: HclSplice | undefined;

  constructor(readonly uri: string) {}

  /** Parses `text`, the current version of the buffer, reusing what its previous version left. */
  parse(text: string): IacDocument | undefined {
    return parseDocument(this.uri, text, {
      cfnYaml: (t) => (this.pieces ??= new YamlPieces()).convert(t),
      cfnJson: (t) => (this.splice ??= new JsonSplice()).convert(t),
      tfHcl: (t) => (this.hcl ??= new HclSplice(this.uri)).parse(t),
    });
  }

  /** How many YAML pieces the last parse re-parsed; undefined when it parsed the whole text (tests read it). */
  lastYamlPieces(): number | undefined {
    return this.pieces?.lastParsed;
  }

  /** Whether the last parse of a JSON template replaced one resource instead of parsing it all (tests read it). */
  lastJsonSpliced(): boolean {
    return this.splice?.lastSpliced ?? false;
  }

  /** How much text the last parse of a `.tf` buffer re-read; undefined when it parsed the whole text (tests read it). */
  lastHclParsedLength(): number | undefined {
    return this.hcl?.lastParsedLength;
  }

  /** Drops what is kept; the next parse starts afresh. */
  dispose(): void {
    this.pieces = undefined;
    this.splice = undefined;
    this.hcl = undefined;
  }
}
