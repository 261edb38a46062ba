// The labelled KICS corpus (../shared/corpus/kics): its manifest, and the name a case is linted under.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const KICS_CORPUS = join(__dirname, '..', '..', 'shared', 'corpus', 'kics');

/** One labelled case of manifest.json. */
export interface KicsCase {
  rule: string;
  format: 'cloudformation' | 'terraform';
  file: string;
  expect: 'positive' | 'negative';
  /** 1-based lines KICS expects a finding on. */
  lines: number[];
  skip?: string;
  note?: string;
}

/** The manifest; throws one clear line when the corpus is not beside the repository (a fresh clone has no ../shared). */
export function readKicsManifest(): KicsCase[] {
  if (!existsSync(KICS_CORPUS)) throw new Error(`${KICS_CORPUS} not present: the labelled corpus lives in ../shared/corpus, beside the repository`);
  return JSON.parse(readFileSync(join(KICS_CORPUS, 'manifest.json'), 'utf8')) as KicsCase[];
}

/** Terraform JSON cases are named `.json` in the corpus; they are linted as `.tf.json`, as Terraform reads them. */
export function kicsLintName(c: KicsCase): string {
  const name = basename(c.file);
  if (c.format === 'terraform' && name.endsWith('.json') && !name.endsWith('.tf.json')) return name.replace(/\.json$/, '.tf.json');
  return name;
}
