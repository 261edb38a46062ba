// Reading maps and lists as written (`ValueView.written()`), following Terraform locals, for readers whose keys are
// data rather than property names (environment variable maps, container definitions).
import type { ValueView, Written } from '../api';

/** The written form of a value, through Terraform `local.x` references (each reported at the first reference). */
function throughLocals(view: ValueView): { view: ValueView; written: Written | undefined } {
  let w = view.written();
  for (let depth = 0; w?.kind === 'ref' && depth < 8; depth++) {
    const local = w.path.length === 2 && w.path[0] === 'local' ? view.declared('local', w.path[1] as string) : undefined;
    if (!local) break;
    view = local;
    w = view.written();
  }
  return { view, written: w };
}

/** The entries of a map written in place or in a Terraform local (`variables = local.env`); [] for anything else. */
export function writtenEntries(view: ValueView): readonly { key: string; value: ValueView }[] {
  const { written } = throughLocals(view);
  return written?.kind === 'map' ? written.entries : [];
}

/** The items of a list written in place or in a Terraform local; undefined when it is not a written list. */
export function writtenItems(view: ValueView): readonly ValueView[] | undefined {
  const { written } = throughLocals(view);
  return written?.kind === 'list' ? written.items : undefined;
}

/** The value at `key` of a written map (first occurrence), or undefined. */
export function writtenEntry(view: ValueView, key: string): ValueView | undefined {
  return writtenEntries(view).find((e) => e.key === key)?.value;
}

/** The written form through locals, for readers that branch on the kind. */
export function writtenThroughLocals(view: ValueView): { view: ValueView; written: Written | undefined } {
  return throughLocals(view);
}
