// Loads web-tree-sitter and the Terraform grammar once, and hands out the parser.
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';
const RUNTIME_WASM = 'web-tree-sitter.wasm';

interface Loaded {
  parser: Parser;
}

let loading: Promise<Loaded> | undefined;
let loaded: Loaded | undefined;

/**
 * Loads the WASM runtime and the grammar. Idempotent: every caller shares one promise. `wasmDir` holds both .wasm
 * files (the bundle copies them next to dist/*.js); without it they are resolved from node_modules.
 */
export function loadTerraformGrammar(wasmDir?: string): Promise<void> {
  loading ??= load(wasmDir).then(
    (l) => (loaded = l),
    (err: unknown) => {
      // Let a later call retry (e.g. with a corrected wasmDir) instead of caching the failure.
      loading = undefined;
      throw err;
    },
  );
  return loading.then(() => undefined);
}

/** The shared parser; throws when `loadTerraformGrammar` has not completed. */
export function terraformParser(): Parser {
  if (!loaded) throw new Error('Terraform parser not initialised: await initTerraformParser() (or initParsers()) first');
  return loaded.parser;
}

async function load(wasmDir: string | undefined): Promise<Loaded> {
  const runtime = wasmDir ? path.join(wasmDir, RUNTIME_WASM) : require.resolve(`web-tree-sitter/${RUNTIME_WASM}`);
  await Parser.init({ locateFile: (file: string) => (file === RUNTIME_WASM ? runtime : file) });
  const grammar = wasmDir ? path.join(wasmDir, GRAMMAR_WASM) : require.resolve(`@tree-sitter-grammars/tree-sitter-hcl/${GRAMMAR_WASM}`);
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return { parser };
}
