import type { Table } from 'mdast';
import type { Node } from 'unist';

/** Offset span of a node (remark always sets offsets on parsed nodes). */
export function span(node: Node): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Prose of a node: inline markup flattened, code and HTML left out. */
export function plain(node: Node): string {
  switch (node.type) {
    case 'text':
      return (node as unknown as { value: string }).value;
    case 'inlineCode':
      return (node as unknown as { value: string }).value;
    case 'code':
    case 'html':
    case 'yaml':
    case 'toml':
    case 'definition':
      return '';
    case 'break':
      return '\n';
    case 'table':
      return (node as Table).children
        .map((row) => row.children.map((c) => plain(c)).join(' '))
        .join('\n');
    default: {
      const kids = (node as { children?: Node[] }).children;
      if (!kids) return '';
      const blocky = ['root', 'list', 'listItem', 'blockquote'].includes(node.type);
      return kids.map((k) => plain(k)).join(blocky ? '\n' : '');
    }
  }
}

