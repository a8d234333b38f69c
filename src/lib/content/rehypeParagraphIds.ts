/**
 * Gives every top-level paragraph of a case body a stable id `p-1`, `p-2`, … so that
 * evidence links (“where does this case practise 县管校聘?”) can jump to it.
 * The numbering matches `bodyBlocks()` in ../text/bodyText.ts, which counts the same paragraphs.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function paragraphId(index: number): string {
  return `p-${index + 1}`;
}

export function rehypeParagraphIds() {
  return (tree: HastNode) => {
    let index = 0;
    for (const node of tree.children ?? []) {
      if (node.type === 'element' && node.tagName === 'p') {
        node.properties = { ...node.properties, id: paragraphId(index++) };
      }
    }
  };
}
