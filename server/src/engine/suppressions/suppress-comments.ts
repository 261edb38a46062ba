// Reads suppression comments of every supported syntax (ours, Checkov, tfsec, Trivy, KICS) from a file's text.
import type { Directive } from './suppress-directive';
import { withDate } from './suppress-directive';

/** A comment starts here: YAML and HCL `#`, HCL `//` and `/* ... *\/`. */
const COMMENT_START = /#|\/\/|\/\*/;
/** A line that holds nothing but a comment. */
const COMMENT_LINE = /^\s*(#|\/\/|\/\*)/;

const OURS = /secure-iac-ignore(-file)?(?![\w-])(.*)$/;
/** Checkov's own pattern: ids separated by commas, then an optional `:reason`. Bridgecrew is its old name. */
const CHECKOV = /\b(?:checkov|bridgecrew):skip=\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)(?::(.*))?/;
/** `tfsec:ignore:<id>[attr=value]:exp:YYYY-MM-DD:ws:<workspace>`; one line may hold several. */
const TFSEC_TRIVY = /\b(tfsec|trivy):ignore:([A-Za-z0-9_.*-]+)(\[[^\]]*\])?((?::(?:exp|ws):[^\s:]+)*)/g;
const KICS = /kics-scan\s+(ignore-line|ignore-block|ignore|disable)\b(?:\s*=\s*([A-Za-z0-9,\s-]+))?/;
/** What every pattern above needs somewhere in the text: without it a file has no directive, and is not split into lines. */
const ANY_MARKER = /secure-iac-ignore|(?:checkov|bridgecrew):skip=|(?:tfsec|trivy):ignore:|kics-scan\s/;

interface Line {
  text: string;
  start: number;
  /** Offset of the comment marker, or -1. */
  comment: number;
  ownLine: boolean;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = COMMENT_START.exec(body);
    out.push({ text: body, start, comment: m ? m.index : -1, ownLine: COMMENT_LINE.test(body) });
    start += raw.length + 1;
  }
  return out;
}

/**
 * The line a comment on `line` is about: its own line for a trailing comment, else the first line after the
 * block of comment lines it belongs to. A blank line ends the association, so a stray comment covers nothing.
 */
function targetLine(lines: readonly Line[], line: number): number | undefined {
  if (!lines[line]?.ownLine) return line;
  for (let l = line + 1; l < lines.length; l++) {
    const next = lines[l] as Line;
    if (next.text.trim() === '') return undefined;
    if (!next.ownLine) return l;
  }
  return undefined;
}

/** The comment text from `at`, without a closing `*\/`. */
function commentBody(line: Line, at: number): string {
  return line.text
    .slice(at)
    .replace(/\*\/\s*$/, '')
    .trimEnd();
}

/**
 * Our syntax: `secure-iac-ignore <id>[, <id>...] [until YYYY-MM-DD]: reason`. The file-level form must sit in the
 * file's leading comments (before the first line of code), so a whole-file exemption is where reviewers look first.
 */
function ours(m: RegExpExecArray, line: Line, index: number, lines: readonly Line[], leading: boolean): Directive {
  const fileLevel = m[1] !== undefined;
  const rest = m[2] ?? '';
  const colon = rest.indexOf(':');
  const head = (colon >= 0 ? rest.slice(0, colon) : rest).trim();
  const reason = colon >= 0 ? rest.slice(colon + 1).trim() : '';
  const tokens = head.split(/[\s,]+/).filter(Boolean);
  const until = tokens.indexOf('until');
  const ids = until >= 0 ? tokens.slice(0, until) : tokens;
  const d: Directive = {
    source: 'secure-iac',
    kind: 'comment',
    ids,
    reason,
    range: { start: line.start + line.comment, end: line.start + line.text.length },
    scope: fileLevel ? 'file' : 'block',
    text: commentBody(line, line.comment),
  };
  if (!fileLevel) {
    const target = targetLine(lines, index);
    if (target !== undefined) d.line = target;
  }
  if (ids.length === 0) d.problem = 'noIds';
  else if (until >= 0 && tokens.length > until + 2) d.problem = 'extraText';
  else if (fileLevel && !leading) d.problem = 'misplaced';
  return withDate(d, until >= 0 ? (tokens[until + 1] ?? '') : undefined);
}

/** Every suppression comment in `text`. JSON has no comments, so callers pass only YAML and HCL text. */
export function commentDirectives(text: string): Directive[] {
  if (!ANY_MARKER.test(text)) return [];
  const lines = splitLines(text);
  const out: Directive[] = [];
  let leading = true;
  lines.forEach((line, index) => {
    if (leading && line.text.trim() !== '' && !line.ownLine && line.text.trim() !== '---') leading = false;
    if (line.comment < 0) return;
    const comment = line.text.slice(line.comment);
    const range = { start: line.start + line.comment, end: line.start + line.text.length };
    const body = commentBody(line, line.comment);

    const mine = OURS.exec(comment);
    if (mine) out.push(ours(mine, line, index, lines, leading));

    const checkov = CHECKOV.exec(comment);
    if (checkov) {
      out.push({
        source: 'checkov',
        kind: 'comment',
        ids: (checkov[1] ?? '').split(',').map((s) => s.trim()),
        reason: (checkov[2] ?? '').replace(/\*\/\s*$/, '').trim(),
        range,
        // Checkov reads a skip anywhere inside the resource (found by the comment's offset); above the header counts too.
        scope: 'resource',
        line: targetLine(lines, index) ?? index,
        text: body,
      });
    }

    for (const m of comment.matchAll(TFSEC_TRIVY)) {
      const exp = /:exp:([^\s:]+)/.exec(m[4] ?? '')?.[1];
      const target = targetLine(lines, index);
      out.push(
        withDate(
          {
            source: m[1] === 'trivy' ? 'trivy' : 'tfsec',
            kind: 'comment',
            ids: [m[2] ?? ''],
            reason: '',
            range,
            // Above a block it covers the block (a resource, or a nested block such as `ingress`); above an attribute, that line.
            scope: 'block',
            ...(target !== undefined ? { line: target } : {}),
            text: m[0],
          },
          exp,
        ),
      );
    }

    const kics = KICS.exec(comment);
    if (kics) {
      const what = kics[1];
      if (what === 'ignore-line' || what === 'ignore-block') {
        const target = targetLine(lines, index);
        out.push({
          source: 'kics',
          kind: 'comment',
          ids: ['*'],
          reason: '',
          range,
          scope: what === 'ignore-line' ? 'line' : 'block',
          ...(target !== undefined ? { line: target } : {}),
          text: body,
        });
      } else if (leading) {
        // `kics-scan ignore` / `kics-scan disable=<query ids>` are file-level and read at the top of the file only, as KICS does.
        const ids =
          what === 'ignore'
            ? ['*']
            : (kics[2] ?? '')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
        if (ids.length > 0) out.push({ source: 'kics', kind: 'comment', ids, reason: '', range, scope: 'file', text: body });
      }
    }
  });
  return out;
}
