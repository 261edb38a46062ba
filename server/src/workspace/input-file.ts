// Input files (parameter files, tfvars, var files, baselines) named by a workspace: where they may be, and how they
// are read. A repository under review must not make the editor or CI read files outside it, block on a FIFO, or
// load a 10 GB "parameter file"; and nothing of a file that is not a template may be echoed in a message.
import { constants, promises as fs, closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_MAX_FILE_SIZE, formatByteSize } from '../engine/config/file-size';
import { isInside } from './paths';

/** A problem with an input file, phrased without any of its content. */
export class InputFileError extends Error {}

/** A file over the size limit; `head` holds its first bytes (enough to tell a template), never more than the limit. */
export class TooLargeError extends InputFileError {
  constructor(
    readonly size: number,
    readonly limit: number,
    readonly head: string,
  ) {
    super(`larger than the ${formatByteSize(limit)} limit (${formatByteSize(size)})`);
  }
}

/** How much of a file over the limit is read to tell whether it is a template (see `oversizeNoteOf`). */
const HEAD_BYTES = 4096;

export type Containment = { path: string } | { refused: string };

/**
 * `entry` resolved against `root`, if it stays inside `root`: lexically (no `..` out, not absolute elsewhere) and
 * once links are followed (a link inside the workspace pointing at `~/.aws/credentials` is outside). A path that
 * does not exist yet is judged lexically and by its nearest existing parent folder.
 */
export function resolveInside(root: string, entry: string): Containment {
  const absolute = path.resolve(root, entry);
  if (!isInside(root, absolute)) return { refused: `'${entry}' is outside the workspace folder; only files inside it are read` };
  const realRoot = realOrUndefined(root) ?? path.resolve(root);
  let existing = absolute;
  for (;;) {
    const real = realOrUndefined(existing);
    if (real !== undefined) {
      if (!isInside(realRoot, real))
        return { refused: `'${entry}' leads outside the workspace folder through a link; only files inside it are read` };
      return { path: absolute };
    }
    const parent = path.dirname(existing);
    if (parent === existing) return { path: absolute };
    existing = parent;
  }
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `file` lies inside one of `roots` once links are followed (a file that cannot be resolved is not). */
export async function realInside(roots: readonly string[], file: string): Promise<boolean> {
  const real = await fs.realpath(file).catch(() => undefined);
  if (real === undefined) return false;
  for (const root of roots) {
    const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
    if (isInside(realRoot, real)) return true;
  }
  return false;
}

/**
 * The text of a regular file of at most `maxBytes`. Opened non-blocking (opening a FIFO for reading would otherwise
 * wait for a writer forever), checked on the open descriptor (a file swapped for a FIFO after a stat is still caught),
 * and read with a limit (a file that grows while read is cut off, not read to the end).
 */
export function readInputFileSync(file: string, maxBytes: number = DEFAULT_MAX_FILE_SIZE): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot open (${code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputFileError('not a regular file');
    if (stat.size > maxBytes) {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, maxBytes));
      const n = readSync(fd, head, 0, head.length, 0);
      throw new TooLargeError(stat.size, maxBytes, head.toString('utf8', 0, n));
    }
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new InputFileError(`larger than the ${formatByteSize(maxBytes)} limit`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/** As `readInputFileSync`, off the calling thread's event loop (the language server must keep answering). */
export async function readInputFile(file: string, maxBytes: number = DEFAULT_MAX_FILE_SIZE): Promise<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot open (${code ?? 'error'})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputFileError('not a regular file');
    if (stat.size > maxBytes) {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, maxBytes));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      throw new TooLargeError(stat.size, maxBytes, head.toString('utf8', 0, bytesRead));
    }
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new InputFileError(`larger than the ${formatByteSize(maxBytes)} limit`);
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/** `line L, column C` of an offset (1-based), for messages that must not quote the text. */
export function positionOf(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * JSON.parse, with an error that names the position and the kind of problem only: V8's messages quote the text
 * (`Unexpected token 'x', "…" is not valid JSON`), which for a file under review may be anything.
 */
export function parseJsonWithoutEcho(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    throw new InputFileError(first ? `not valid JSON at ${positionOf(text, first.offset)} (${printParseErrorCode(first.error)})` : 'not valid JSON');
  }
}
