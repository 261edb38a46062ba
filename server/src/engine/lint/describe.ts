// Names what an unresolved value depends on, for "cannot verify" notes.
import type { IacNode } from '../../model/nodes';

export function describeUnresolved(node: IacNode | undefined): string {
  if (!node) return 'a value that is not written';
  switch (node.kind) {
    case 'call': {
      const first = node.args[0];
      const name = first?.kind === 'scalar' ? String(first.value) : undefined;
      if (node.fn === 'Ref' && name) return `parameter ${name}, which has no default`;
      if (node.fn === 'Fn::GetAtt' && name)
        return `attribute ${node.args.map((a) => (a.kind === 'scalar' ? String(a.value) : '?')).join('.')}, known only after deployment`;
      if (node.fn === 'Fn::ImportValue') return 'a value imported from another stack';
      if (node.fn.startsWith('Fn::') || node.fn === 'Condition') return `the ${node.fn} expression`;
      return `the result of ${node.fn}()`;
    }
    case 'ref': {
      const [head, second] = node.path;
      if (head === 'var') return `variable ${second ?? ''}, which has no default`;
      if (head === 'local') return `local ${second ?? ''}`;
      if (head === 'module') return `module output ${node.path.join('.')}`;
      if (head === 'data') return `data source ${node.path.slice(0, 3).join('.')}`;
      return `${node.path.join('.')}, known only after apply`;
    }
    case 'expr':
      return `the expression \`${node.text.length > 60 ? `${node.text.slice(0, 57)}...` : node.text}\``;
    default:
      return 'a value that cannot be resolved';
  }
}
