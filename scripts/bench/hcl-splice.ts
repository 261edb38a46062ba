// Full re-parse against the editor's splice (parsers/tf-hcl-splice.ts) over the same keystrokes, interleaved in one run:
// `npx tsx scripts/bench/hcl-splice.ts [--kb 60] [--rounds 7]`. Each round types a space at the end of 100 lines spread
// through a generated file and times both paths on every version; it prints per round the median per keystroke of
// each and the bytes allocated per keystroke (heap growth between forced collections, with --expose-gc).
import { HclSplice } from '../../server/src/parsers/tf-hcl-splice';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';
import { tfFile } from './generate';
import { editLines } from './latency';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const uri = 'file:///bench/main.tf';
const base = tfFile(arg('kb', 60) * 1024);
const gc = (globalThis as { gc?: () => void }).gc;

/** The versions typed, from the base text. */
function versions(): string[] {
  const lines = base.split('\n');
  const out: string[] = [];
  for (const line of editLines(base, 100)) {
    lines[line] += ' ';
    out.push(lines.join('\n'));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function run(texts: readonly string[], parse: (text: string) => unknown): { ms: number; kb: number } {
  const times: number[] = [];
  let allocated = 0;
  for (const text of texts) {
    gc?.();
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    parse(text);
    times.push(performance.now() - started);
    allocated += process.memoryUsage().heapUsed - heap;
  }
  return { ms: median(times), kb: allocated / texts.length / 1024 };
}

const texts = versions();
console.log(`${(base.length / 1024).toFixed(0)} KB, ${texts.length} keystrokes per round${gc ? '' : ' (run with --expose-gc for bytes)'}`);
for (let round = 0; round < arg('rounds', 7); round++) {
  const full = run(texts, (t) => parseTerraformHcl(uri, t));
  const splice = new HclSplice(uri);
  splice.parse(base);
  const spliced = run(texts, (t) => splice.parse(t));
  console.log(
    `round ${round}: full parse ${full.ms.toFixed(3)} ms${gc ? ` ${full.kb.toFixed(0)} KB` : ''}   splice ${spliced.ms.toFixed(3)} ms${gc ? ` ${spliced.kb.toFixed(0)} KB` : ''}`,
  );
}
