// Parses successive versions of open buffers: YAML templates re-parse only the resources whose text changed
// (cfn-yaml-chunks.ts), JSON templates only the resource an edit lies in (cfn-json-splice.ts). Terraform re-parses
// the whole file: the hand-written HCL parser reads a 60 KB file with its model in about a millisecond
// (scripts/bench/hcl-throughput.ts), so reusing the previous version's blocks could save no more than that.
import type { IacDocument } from '../model/document';
import { JsonSplice } from './cfn-json-splice';
import { YamlPieces } from './cfn-yaml-chunks';
import { parseDocument } from './index';

/** The entry of `map` for `uri`, made on first use. */
function perBuffer<T>(map: Map<string, T>, uri: string, make: () => T): T {
  let value = map.get(uri);
  if (value === undefined) map.set(uri, (value = make()));
  return value;
}

/**
 * Keeps what the last parse of each open buffer can lend the next. The result of `parse` equals
 * `parseDocument(uri, text)`: the YAML and JSON converters promise the plain conversion's result.
 */
export class IncrementalParser {
  private readonly pieces = new Map<string, YamlPieces>();
  private readonly splices = new Map<string, JsonSplice>();

  /** Parses `text`, the current version of the buffer `uri`, reusing what its previous version left. */
  parse(uri: string, text: string): IacDocument | undefined {
    return parseDocument(uri, text, {
      cfnYaml: (t) => perBuffer(this.pieces, uri, () => new YamlPieces()).convert(t),
      cfnJson: (t) => perBuffer(this.splices, uri, () => new JsonSplice()).convert(t),
    });
  }

  /** How many YAML pieces the last parse of `uri` re-parsed; undefined when it parsed the whole text (tests read it). */
  lastYamlPieces(uri: string): number | undefined {
    return this.pieces.get(uri)?.lastParsed;
  }

  /** Whether the last parse of the JSON template `uri` replaced one resource instead of parsing it all (tests read it). */
  lastJsonSpliced(uri: string): boolean {
    return this.splices.get(uri)?.lastSpliced ?? false;
  }

  /** Frees what is kept for a closed buffer. */
  forget(uri: string): void {
    this.pieces.delete(uri);
    this.splices.delete(uri);
  }
}
