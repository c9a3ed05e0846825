import type { SearchNode } from '../../../shared/search/index.js';

/** The tree without its places: what two spellings of one query share. */
export function shape(node: SearchNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'and':
    case 'or':
      return { [node.kind]: node.children.map(shape) };
    case 'not':
      return { not: shape(node.child) };
    case 'text':
      return node.quoted ? { phrase: node.text } : { word: node.text };
    case 'term':
      return node.term;
  }
}
