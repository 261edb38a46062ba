// ECS container definitions however they are written: CloudFormation `ContainerDefinitions`, Terraform
// `container_definitions` from `jsonencode([...])` (positions kept) or a JSON string / heredoc (reported at the
// argument, interpolations of inputs and locals read from the file). `file()` / `templatefile()` are not read.
import type { Family, ValueView } from '../api';
import { readScriptText, readTemplatePieces, type ScriptText } from './script-text';
import { terraformTemplate, type TemplatePiece } from './template-text';
import { writtenEntry, writtenItems, writtenThroughLocals } from './written';

/** One field of a container: where to report it, and what it holds. */
export interface ContainerField {
  /** The field itself when it has a position; else the whole definitions value (JSON text). */
  at: ValueView;
  /** Whether `at` is the field itself, so a fix may edit it. */
  exact: boolean;
  /** `true` / `false` when the field is a known boolean (also the strings "true" / "false"). */
  boolean: boolean | undefined;
  /** The field read as text, holes for what the file does not decide; undefined when it is not text. */
  text(): ScriptText | undefined;
}

export interface ContainerDefinition {
  name: string | undefined;
  /** A field by its ECS name (`privileged`, `readonlyRootFilesystem`); CloudFormation spells it capitalised. */
  field(name: string): ContainerField | undefined;
  /** `environment[]` entries: the variable's literal name (undefined when not literal) and its value. */
  environment(): { name: string | undefined; value: ContainerField }[];
}

const writtenItemsOf = (view: ValueView | undefined) => (view ? writtenItems(view) : undefined);

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/** A field written as a view (CloudFormation, `jsonencode`). */
function viewField(view: ValueView): ContainerField {
  return { at: view, exact: true, boolean: view.asBoolean(), text: () => readScriptText(view, { base64: 'never' }) };
}

/** A container written as a map with positions. */
function viewContainer(container: ValueView, family: Family): ContainerDefinition {
  const key = (k: string) => (family === 'cloudformation' ? pascal(k) : k);
  const get = (k: string) => writtenEntry(container, key(k));
  return {
    name: get('name')?.asString(),
    field: (k) => {
      const v = get(k);
      return v && !v.isMissing() ? viewField(v) : undefined;
    },
    environment: () =>
      (writtenItemsOf(get('environment')) ?? []).flatMap((entry) => {
        const value = writtenEntry(entry, key('value'));
        return value ? [{ name: writtenEntry(entry, key('name'))?.asString(), value: viewField(value) }] : [];
      }),
  };
}

// Interpolations inside JSON text are swapped for private-use markers so the JSON parses, then read back as pieces.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A JSON value parsed from template text, with the interpolations it holds. */
function jsonContainers(pieces: readonly TemplatePiece[], at: ValueView): ContainerDefinition[] | undefined {
  const interpolations: string[] = [];
  let json = '';
  let inString = false;
  for (const piece of pieces) {
    if ('text' in piece) {
      for (let i = 0; i < piece.text.length; i++) {
        const c = piece.text[i];
        if (c === '\\' && inString) i++;
        else if (c === '"') inString = !inString;
      }
      json += piece.text;
      continue;
    }
    const marker = `${OPEN}${interpolations.length}${CLOSE}`;
    interpolations.push(piece.interpolation);
    json += inString ? marker : `"${marker}"`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const toPieces = (s: string): TemplatePiece[] =>
    s
      .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`))
      .flatMap((part, i): TemplatePiece[] => (i % 2 === 1 ? [{ interpolation: interpolations[Number(part)] ?? '' }] : part ? [{ text: part }] : []));
  const field = (value: unknown): ContainerField => ({
    at,
    exact: false,
    boolean: typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined,
    text: () =>
      typeof value === 'string'
        ? readTemplatePieces(toPieces(value), at)
        : typeof value === 'number'
          ? { text: String(value), origins: [] }
          : undefined,
  });
  const record = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  return parsed.map((c): ContainerDefinition => {
    const container = record(c);
    return {
      name: typeof container['name'] === 'string' ? container['name'] : undefined,
      field: (k) => (k in container ? field(container[k]) : undefined),
      environment: () =>
        (Array.isArray(container['environment']) ? container['environment'] : []).map((e) => {
          const entry = record(e);
          const name = entry['name'];
          return { name: typeof name === 'string' && !name.includes(OPEN) ? name : undefined, value: field(entry['value']) };
        }),
    };
  });
}

/**
 * The containers of a task definition's definitions value; [] when nothing can be read (a file, a function, an
 * unknown list). `family` decides the key spelling (CloudFormation `Privileged`, JSON `privileged`).
 */
export function readContainerDefinitions(view: ValueView, family: Family): ContainerDefinition[] {
  if (family === 'cloudformation') return (writtenItems(view) ?? []).map((c) => viewContainer(c, family));
  const { view: at, written } = writtenThroughLocals(view);
  if (written?.kind === 'call' && written.fn === 'jsonencode' && written.args[0]) {
    return (writtenItems(written.args[0]) ?? []).map((c) => viewContainer(c, family));
  }
  if (written?.kind === 'scalar' && typeof written.value === 'string') return jsonContainers([{ text: written.value }], at) ?? [];
  if (written?.kind === 'template') {
    const pieces = terraformTemplate(written.text);
    return (pieces && jsonContainers(pieces, at)) ?? [];
  }
  return [];
}
