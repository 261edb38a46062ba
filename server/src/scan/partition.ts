// Splits a scan into work units a worker can lint on its own: a directory's files never straddle two units.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isTemplatePath, localStackSourcesIn } from '../engine/modules/stack-graph';
import { readInputFileSync } from '../workspace/input-file';

export interface WorkUnit {
  /** Positions of the unit's files in the scan's path list, ascending. */
  indices: number[];
  /** Total size, to hand the largest units out first. */
  bytes: number;
}

/**
 * Groups `paths` by directory: all .tf files of a directory are one Terraform module and its tfvars belong to it, so
 * the directory is the smallest unit that lints the same as the whole scan. Units come largest first, so that the last
 * unit handed out is a small one and no worker idles while another finishes a big module.
 */
export function partitionByDirectory(
  paths: readonly string[],
  sizeOf: (path: string) => number = fileSize,
  sourcesOf: (path: string) => string[] = localModuleSources,
  stackSourcesOf: (path: string) => string[] = localStackSources,
): WorkUnit[] {
  const group = moduleGroups(paths, sourcesOf, stackSourcesOf);
  const byDir = new Map<string, WorkUnit>();
  paths.forEach((path, index) => {
    const dir = group(dirname(path));
    let unit = byDir.get(dir);
    if (!unit) byDir.set(dir, (unit = { indices: [], bytes: 0 }));
    unit.indices.push(index);
    unit.bytes += sizeOf(path);
  });
  // Ties broken by first index keeps the order, and so the run, reproducible.
  return [...byDir.values()].sort((a, b) => b.bytes - a.bytes || (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the worker reports the unreadable file; here it only weighs nothing
  }
}

/**
 * A Terraform directory and the local modules it calls (`source = "./..."` / `"../..."`) are judged together (a child
 * reached by a caller is linted with the caller's arguments), so they are one unit: directories joined by a call,
 * transitively, map to one representative. So are a template and the local templates its nested stacks deploy.
 */
function moduleGroups(
  paths: readonly string[],
  sourcesOf: (path: string) => string[],
  stackSourcesOf: (path: string) => string[],
): (dir: string) => string {
  const parent = new Map<string, string>();
  const find = (dir: string): string => {
    let root = dir;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  const dirs = new Map<string, string>();
  for (const path of paths) dirs.set(resolve(dirname(path)), dirname(path));
  for (const path of paths) {
    const terraform = /\.tf(\.json)?$/i.test(path);
    if (!terraform && !isTemplatePath(path)) continue;
    // A nested stack's template is a file: its folder joins the parent's.
    const targets = terraform ? sourcesOf(path) : stackSourcesOf(path).map((s) => dirname(s));
    for (const source of targets) {
      const child = dirs.get(resolve(dirname(path), source));
      if (child === undefined) continue;
      const a = find(dirname(path));
      const b = find(child);
      if (a !== b) parent.set(b, a);
    }
  }
  return find;
}

/** The local module sources a Terraform file names, read cheaply (no parse): a false match only joins two units. */
export function localModuleSources(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return localModuleSourcesIn(text);
}

/** The local templates a CloudFormation file's nested stacks name, read cheaply (no parse). */
export function localStackSources(path: string): string[] {
  let text: string;
  try {
    // Capped and non-blocking: any .json/.yaml of the tree is read here, not only Terraform files.
    text = readInputFileSync(path);
  } catch {
    return [];
  }
  return localStackSourcesIn(text);
}

/** The same, of a text in hand. */
export function localModuleSourcesIn(text: string): string[] {
  if (!text.includes('module')) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/"?source"?\s*[=:]\s*"(\.\.?(?:\/[^"]*)?)"/g)) if (m[1]) out.push(m[1]);
  return out;
}
