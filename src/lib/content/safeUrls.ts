/**
 * The URL-safety layer of the Markdown pipeline (astro.config.mjs): on the parsed trees, every
 * link, image and reference definition (mdast) and every URL-bearing attribute of every element
 * (hast) must pass the allow-list in ./urlPolicy.ts. Working on the trees, not the text, covers
 * whatever syntax produced the URL: nested brackets, escapes, reference definitions, links split
 * over lines, autolinks, entities (already decoded by the parser). Raw HTML and event-handler
 * attributes are refused outright (case bodies are plain text by rule).
 *
 * An unsafe URL is always removed from the output (so the HTML is inert in any case) and reported
 * as `file:line: message`. The cases loader collects the reports (see `collectUnsafeUrls`);
 * anywhere else (a Markdown page) the first report fails the render.
 */
import { unsafeUrlReason } from './urlPolicy.ts';

interface Node {
  type: string;
  tagName?: string;
  url?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}
interface File {
  path?: string;
}

export interface UrlProblem {
  line: number;
  message: string;
}

/** hast property names (camelCase) that hold a URL. */
const URL_PROPERTIES = new Set([
  'href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'cite', 'data', 'background', 'longDesc', 'useMap',
  'xLinkHref', 'ping', 'manifest', 'codeBase', 'archive', 'profile', 'icon', 'itemId', 'imageSrcSet',
]);
const URL_ATTRIBUTES = new Set([...URL_PROPERTIES].map((p) => p.toLowerCase()).concat(['xlink:href', 'srcset', 'formaction']));

/**
 * The Markdown processor gives the loader no handle on a render's messages, and
 * @astrojs/markdown-remark's render() prints every thrown error with its stack before rethrowing.
 * So the cases loader registers a list per file (keyed by absolute path) and reads it after the
 * render. A global symbol, because astro.config.mjs and the content config load this module as
 * two instances.
 */
const SINK = Symbol.for('jiaoyu-casebook.unsafe-urls');
type Sink = Map<string, UrlProblem[]>;
const sink = (): Sink => ((globalThis as Record<symbol, Sink | undefined>)[SINK] ??= new Map());

/** Runs `render` for `path` and returns the unsafe URLs the plugins found in it. */
export async function collectUnsafeUrls<T>(path: string, render: () => Promise<T>): Promise<{ result: T; problems: UrlProblem[] }> {
  const problems: UrlProblem[] = [];
  sink().set(path, problems);
  try {
    return { result: await render(), problems };
  } finally {
    sink().delete(path);
  }
}

function report(file: File, node: Node, message: string): void {
  const line = node.position?.start.line ?? 1;
  const list = file.path ? sink().get(file.path) : undefined;
  if (list) {
    list.push({ line, message });
    return;
  }
  const error = new Error(`${file.path ?? 'Markdown'}:${line}: ${message}`);
  error.stack = '';
  throw error;
}

const linkMessage = (what: string, url: string, reason: string) => `unsafe ${what} target “${url.slice(0, 80)}”: ${reason}`;

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** mdast: links, images, reference definitions (also those no link uses), raw HTML. */
export function remarkSafeUrls() {
  return (tree: Node, file: File) =>
    walk(tree, (node) => {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
        const reason = unsafeUrlReason(node.url);
        if (reason) {
          report(file, node, linkMessage(node.type === 'definition' ? 'reference definition' : node.type, node.url, reason));
          node.url = '';
        }
      }
    });
}

function srcsetUrls(value: string): string[] {
  return value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

/** hast: every URL attribute of every element, event handlers, raw HTML and MDX JSX attributes. */
export function rehypeSafeUrls() {
  return (tree: Node, file: File) =>
    walk(tree, (node) => {
      if (node.type === 'raw') {
        report(file, node, 'raw HTML is not allowed in content (escape < and > as \\< and \\>)');
        node.value = '';
        return;
      }
      if (node.type === 'element' && node.properties) {
        for (const [name, value] of Object.entries(node.properties)) {
          if (/^on/i.test(name)) {
            report(file, node, `event-handler attribute “${name}” is not allowed`);
            delete node.properties[name];
            continue;
          }
          if (!URL_PROPERTIES.has(name) || value === undefined || value === null) continue;
          const text = Array.isArray(value) ? value.join(name.toLowerCase().endsWith('srcset') ? ',' : ' ') : String(value);
          const urls = name.toLowerCase().endsWith('srcset') ? srcsetUrls(text) : name === 'ping' || name === 'archive' ? text.split(/\s+/).filter(Boolean) : [text];
          for (const url of urls) {
            const reason = unsafeUrlReason(url);
            if (reason) {
              report(file, node, linkMessage(`${node.tagName ?? 'element'} ${name}`, url, reason));
              delete node.properties[name];
              break;
            }
          }
        }
      }
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
        node.attributes = node.attributes.filter((attribute) => {
          const name = attribute.name?.toLowerCase() ?? '';
          if (attribute.type !== 'mdxJsxAttribute' || /^on/.test(name)) {
            report(file, node, `JSX attribute “${attribute.name ?? '{…}'}” is not allowed in content`);
            return false;
          }
          if (!URL_ATTRIBUTES.has(name)) return true;
          const reason = typeof attribute.value === 'string' ? unsafeUrlReason(attribute.value) : 'a URL attribute must be a literal string';
          if (reason) report(file, node, linkMessage(`${node.name ?? 'element'} ${attribute.name}`, String(attribute.value), reason));
          return !reason;
        });
      }
    });
}
