// Control characters from scanned files never reach a terminal or CI log as themselves: a template could otherwise
// move the cursor, hide text, forge report lines or issue CI commands (`::error::` at a line start).

/** C0 controls (tab and newline included), DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** `s` with every control character spelled out (`\n`, `\e`, `\x07`), for one-line output. */
export function escapeControl(s: string): string {
  return s.replace(CONTROL, (ch) => NAMED[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `line` with each control character but tab replaced by U+FFFD, one for one, so source columns still line up. */
export function neutraliseControl(line: string): string {
  return line.replace(CONTROL, (ch) => (ch === '\t' ? ch : '\ufffd'));
}
