/**
 * Front matter of a Markdown/MDX file, split and parsed by the function Astro's content
 * loader uses (`@astrojs/markdown-remark`), so scripts and tests read a case exactly as the
 * build does: same delimiters, same YAML reading, same body (`entry.body`).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';

export interface FrontMatterFile<T = Record<string, unknown>> {
  data: T;
  /** Everything after the closing `---`, as Astro gives it to the page. */
  body: string;
}

/** `data` is the parsed YAML (an empty object when the file has no front matter). */
export function readFrontMatter<T = Record<string, unknown>>(text: string): FrontMatterFile<T> {
  const { frontmatter, content } = parseFrontmatter(text);
  return { data: frontmatter as T, body: content };
}
