// CloudFormation YAML stage throughput: every YAML template of the corpora parsed into our model (`parseDocument`,
// which for a YAML template is the `yaml` parse, our conversion, intrinsics normalised and the document built), next to
// the bare `yaml` parse (`parseAllDocuments`, as the parse floor times it), same files, same run.
// Usage: npx tsx scripts/bench/yaml-stage.ts [--parts] [--only text] [passes=7] [roots...=/work/shared/corpus/realworld /work/shared/corpus/kics]
// --parts adds the one-pass reader (cfn-yaml-fast.ts, its fallbacks included) and the `yaml` path alone.
// For figures that match the product (the bundles are minified and inline what tsx keeps as calls), bundle it first:
//   npx esbuild scripts/bench/yaml-stage.ts --bundle --platform=node --minify --alias:jsonc-parser=./node_modules/jsonc-parser/lib/esm/main.js \
//     --outfile=/tmp/yaml-stage.js && node /tmp/yaml-stage.js
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { convertYamlWithLibrary } from '../../server/src/parsers/cfn-yaml';
import { convertYamlFast } from '../../server/src/parsers/cfn-yaml-fast';
import { looksLikeJson, parseDocument } from '../../server/src/parsers/index';
import { walkFiles } from '../../server/src/scan/walk';

const YAML_PATH = /\.(ya?ml|template)$/i;

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--only');
  const passes = Number(args[0] ?? 7);
  const roots = args.length > 1 ? args.slice(1) : ['/work/shared/corpus/realworld', '/work/shared/corpus/kics'];
  const files = (await walkFiles(roots))
    .filter((f) => YAML_PATH.test(f))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter((f) => !looksLikeJson(f.text));
  const mb = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
  const stages: Record<string, (path: string, text: string) => unknown> = {
    'yaml parseAllDocuments': (_path, text) => parseAllDocuments(text),
    'parseDocument (model)': (path, text) => parseDocument(path, text),
    ...(process.argv.includes('--parts')
      ? {
          'one-pass reader alone': (_path: string, text: string) => convertYamlFast(text),
          'yaml path alone': (_path: string, text: string) => convertYamlWithLibrary(text),
        }
      : {}),
  };
  // --only <text>: the rows whose name contains it (to profile one of them: node --cpu-prof on the bundle).
  const only = process.argv.indexOf('--only');
  if (only >= 0) for (const name of Object.keys(stages)) if (!name.includes(process.argv[only + 1] ?? '')) delete stages[name];
  const rates: Record<string, number[]> = {};
  for (let pass = 0; pass <= passes; pass++) {
    for (const [name, run] of Object.entries(stages)) {
      // CPU time of this thread, not wall time: on a loaded machine the wall clock also counts waiting for a core.
      const started = process.cpuUsage();
      for (const f of files) run(f.path, f.text);
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      if (pass > 0) (rates[name] ??= []).push(mb / (ms / 1000)); // pass 0 warms the JIT
    }
  }
  const templates = files.filter((f) => parseDocument(f.path, f.text)).length;
  console.log(`${files.length} YAML files (${templates} templates), ${mb.toFixed(2)} MB, ${passes} passes after a warm-up`);
  console.log(`MB/s of CPU time (process.cpuUsage), min / median / max`);
  for (const [name, r] of Object.entries(rates)) {
    const s = [...r].sort((a, b) => a - b);
    const at = (i: number) => s[i]?.toFixed(2);
    console.log(`  ${name.padEnd(24)} ${at(0)} / ${at(Math.floor(s.length / 2))} / ${at(s.length - 1)}`);
  }
}

void main();
