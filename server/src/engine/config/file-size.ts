// The file-size limit shared by the CLI scan, the project config and the language server: past it a file is reported,
// not parsed (a generated 20 MB JSON is not a template to lint, and parsing it would stall an editor for seconds).
import type { ParseError } from '../../model/document';

/** The default limit, in bytes. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/**
 * A size as users write it: a whole number of bytes (`2097152`), or a number with a unit (`500KB`, `2MB`, `1.5 mb`;
 * units are binary, 1 KB = 1024 bytes). Undefined for anything else, including zero and negative sizes.
 */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const factor = match ? UNITS[(match[2] as string).toLowerCase()] : undefined;
  if (!match || factor === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * factor);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** `2 MB`, `512 KB`, `1234 bytes`: a size for messages. */
export function formatByteSize(bytes: number): string {
  const mb = bytes / 1024 ** 2;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** The one note a file over the limit gets instead of a scan, naming both sizes and the setting that moves the limit. */
export function tooLargeMessage(size: number, limit: number): string {
  return `Not checked: this file is ${formatByteSize(size)}, over the ${formatByteSize(limit)} limit (setting maxFileSize; CLI --max-file-size).`;
}

/** Where a template says what it is, if anywhere: the first bytes are enough, and reading more would defeat the limit. */
const TEMPLATE_HEAD = 64 * 1024;
const TEMPLATE_MARK = /AWSTemplateFormatVersion|["']?Type["']?[ \t]*:[ \t]*["']?(AWS|Alexa|Custom)::/;

/**
 * The note for an open document over the limit, or undefined when it is within it or is not IaC at all: Terraform by
 * name, CloudFormation by what its head says, so a large lock file or data JSON stays silent as it would when small.
 */
/** As `oversizeNote`, for a file known only by its size and its first bytes (it was not read past the limit). */
export function oversizeNoteOf(uri: string, head: string, size: number, limit: number): ParseError | undefined {
  if (size <= limit) return undefined;
  if (!/\.tf(\.json)?$/i.test(uri) && !TEMPLATE_MARK.test(head.slice(0, TEMPLATE_HEAD))) return undefined;
  return { message: tooLargeMessage(size, limit), range: { start: 0, end: Math.min(1, head.length) } };
}

export function oversizeNote(uri: string, text: string, limit: number): ParseError | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so most texts are settled without counting.
  if (text.length <= limit / 3) return undefined;
  // Its size on disk, in UTF-8 bytes.
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= limit) return undefined;
  const terraform = /\.tf(\.json)?$/i.test(uri);
  if (!terraform && !TEMPLATE_MARK.test(text.slice(0, TEMPLATE_HEAD))) return undefined;
  return { message: tooLargeMessage(size, limit), range: { start: 0, end: Math.min(1, text.length) } };
}
