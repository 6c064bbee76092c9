import type { Table } from 'mdast';
import type { Node } from 'unist';

/** Offset span of a node (remark always sets offsets on parsed nodes). */
export function span(node: Node): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

const BLOCKY = new Set(['root', 'list', 'listItem', 'blockquote']);
const SKIPPED = new Set(['code', 'html', 'yaml', 'toml', 'definition']);

/**
 * Prose of a node: inline markup flattened, code and HTML left out. Children
 * of block containers are joined by line breaks, table cells by spaces. Walks
 * with an explicit stack: a document nested 100,000 deep does not overflow.
 */
export function plain(node: Node): string {
  const out: string[] = [];
  const stack: (Node | string)[] = [node];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.type === 'text' || item.type === 'inlineCode') out.push((item as unknown as { value: string }).value);
    else if (item.type === 'break') out.push('\n');
    else if (item.type === 'table') {
      const rows = (item as Table).children;
      for (let r = rows.length - 1; r >= 0; r--) {
        pushJoined(stack, rows[r].children, ' ');
        if (r > 0) stack.push('\n');
      }
    } else if (!SKIPPED.has(item.type)) {
      const kids = (item as { children?: Node[] }).children;
      if (kids) pushJoined(stack, kids, BLOCKY.has(item.type) ? '\n' : '');
    }
  }
  return out.join('');
}

/** Pushes `kids` so that they pop in order, with `sep` between each two. */
function pushJoined(stack: (Node | string)[], kids: readonly Node[], sep: string): void {
  for (let i = kids.length - 1; i >= 0; i--) {
    stack.push(kids[i]);
    if (i > 0 && sep) stack.push(sep);
  }
}

/**
 * Calls `fn` on `root` and every node below it in document order, with the
 * chain of ancestor types folded into `state` by `enter`. Iterative, like {@link plain}.
 */
export function walk<S>(root: Node, state: S, enter: (node: Node, state: S) => S, fn: (node: Node, state: S) => void): void {
  const stack: [Node, S][] = [[root, state]];
  while (stack.length) {
    const [node, s] = stack.pop()!;
    fn(node, s);
    const kids = (node as { children?: Node[] }).children;
    if (!kids?.length) continue;
    const next = enter(node, s);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], next]);
  }
}
