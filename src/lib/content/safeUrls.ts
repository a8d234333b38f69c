/**
 * The URL-safety layer of the Markdown pipeline (astro.config.mjs): on the parsed trees, every
 * link, image and reference definition (mdast) and every URL-bearing attribute of every element
 * (hast) must pass the allow-list in ./urlPolicy.ts. Working on the trees, not the text, covers
 * whatever syntax produced the URL: nested brackets, escapes, reference definitions, links split
 * over lines, autolinks, entities (already decoded by the parser). Raw HTML and event-handler
 * attributes are refused outright (case bodies are plain text by rule).
 *
 * Beyond the allow-list: an image (inline or by reference) loads only from the site itself — no
 * page fetches anything from another host; a link shows where it goes (its text is its address,
 * as in an autolink: case bodies are plain text, so any other link hides its target); and text the
 * parser decoded from a character reference (`&#x202E;`) meets the same character rule as the
 * file (../text/unsafeChars.ts).
 *
 * An unsafe URL is always removed from the output (so the HTML is inert in any case) and reported
 * as `file:line: message`. The cases loader collects the reports (see `collectUnsafeUrls`);
 * anywhere else (a Markdown page) the first report fails the render.
 */
import { unsafeCharacters } from '../text/unsafeChars.ts';
import { unsafeUrlReason } from './urlPolicy.ts';

interface Node {
  type: string;
  identifier?: string;
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
  /** A character decoded from a reference (the raw check may already have reported it typed). */
  decoded?: boolean;
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
 * two instances. Astro workaround “unsafe URLs collected beside the Markdown render”
 * (./astroWorkarounds.ts); no upstream issue was found for it.
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

function report(file: File, node: Node, message: string, decoded = false): void {
  const line = node.position?.start.line ?? 1;
  const list = file.path ? sink().get(file.path) : undefined;
  if (list) {
    list.push({ line, message, ...(decoded && { decoded }) });
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

/** A URL that is not a path of the site: it has a scheme, or is protocol-relative (`//host/…`). */
const offSite = (url: string) => /^[A-Za-z][A-Za-z0-9+.-]*:|^[\\/]{2}/.test(url.trim());

/** The text a link shows, as a reader sees it. */
function shownText(node: Node): string {
  return typeof node.value === 'string' ? node.value : (node.children ?? []).map(shownText).join('');
}

/** A link that shows its own address (`<https://…>`, a bare `https://…`, `mailto:`): a reader sees where it goes. */
const showsAddress = (text: string, url: string) => {
  const norm = (s: string) => s.trim().replace(/^mailto:/i, '').replace(/\/$/, '');
  return norm(text) === norm(url) || norm(`http://${text}`) === norm(url) || norm(`https://${text}`) === norm(url);
};

/** Checks the URL of a link, image or definition node; `target` is the node whose URL is rendered. */
function checkUrlNode(file: File, node: Node, url: string, target: Node = node): void {
  const what = node.type.replace('Reference', '');
  const reason = unsafeUrlReason(url);
  if (reason) {
    report(file, node, linkMessage(what, url, reason));
    target.url = '';
  } else if ((node.type === 'image' || node.type === 'imageReference') && offSite(url)) {
    report(file, node, `an image from another address (“${url.slice(0, 80)}”): pages load nothing from another host — copy the picture into the site or leave it out`);
    target.url = '';
  } else if ((node.type === 'link' || node.type === 'linkReference') && !showsAddress(shownText(node), url)) {
    report(file, node, `a link whose text is not its address (“${shownText(node).slice(0, 40)}” → “${url.slice(0, 80)}”): a case body is plain text — write the address itself, or drop the link`);
    target.url = '';
  }
}

/** mdast: links, images, reference definitions (also those no link uses), decoded text, raw HTML. */
export function remarkSafeUrls() {
  return (tree: Node, file: File) => {
    // Definitions first, also those no reference uses; a refused one is empty for its references.
    const definitions = new Map<string, Node>();
    walk(tree, (node) => {
      if (node.type !== 'definition' || typeof node.url !== 'string') return;
      const reason = unsafeUrlReason(node.url);
      if (reason) report(file, node, linkMessage('reference definition', node.url, reason));
      if (reason) node.url = '';
      if (node.identifier) definitions.set(node.identifier.toLowerCase(), node);
    });
    walk(tree, (node) => {
      if (typeof node.url === 'string' && (node.type === 'link' || node.type === 'image'))
        checkUrlNode(file, node, node.url);
      else if ((node.type === 'linkReference' || node.type === 'imageReference') && node.identifier) {
        // Checked where it is used, with the definition's URL (a link and an image may share one).
        const definition = definitions.get(node.identifier.toLowerCase());
        if (typeof definition?.url === 'string' && definition.url) checkUrlNode(file, node, definition.url, definition);
      } else if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && typeof node.value === 'string') {
        const found = unsafeCharacters(node.value)[0];
        if (found)
          report(file, node, `invisible or control character ${found.description} decoded from a character reference or escape: delete it (it can hide or reorder text)`, true);
      }
    });
  };
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
