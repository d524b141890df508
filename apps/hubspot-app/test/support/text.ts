import type { RenderedNode } from '@hubspot/ui-extensions/testing';

/** All the text under a rendered node (the testing library's `.text` is only the node's own text). */
export function textOf(node: RenderedNode | null | undefined): string {
  if (!node) return '';
  if (!('childNodes' in node)) return node.text;
  return node.childNodes
    .map((child) => textOf(child as RenderedNode))
    .filter((t) => t.length > 0)
    .join(' ');
}
