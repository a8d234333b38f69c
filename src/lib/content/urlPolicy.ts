/**
 * The one URL allow-list of the site: `http:`, `https:`, `mailto:` and URLs without a scheme
 * (site-relative paths, `#fragments`, `?queries`). Everything else — `javascript:`, `data:`,
 * `vbscript:`, `file:`, unknown schemes — is refused, as is any URL a browser would read
 * differently from how it looks: controls, spaces and invisible characters (browsers drop tabs
 * and newlines inside a scheme: `java\tscript:` runs) and leftover character references
 * (`jav&#x61;script:` decodes to `javascript:` wherever it is decoded once more).
 * The check follows the WHATWG URL parser: a scheme is `[A-Za-z][A-Za-z0-9+.-]*` before the first `:`.
 */
import { isCleanText } from '../text/unsafeChars.ts';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** `&#97;`, `&#x61;` or `&name;` — not `&b=2` in a query string. */
const CHARACTER_REFERENCE = /&#|&[a-z][a-z0-9]*;/i;

/** Why `url` may not be used as an href/src, or undefined when it may. */
export function unsafeUrlReason(url: string): string | undefined {
  if (/[\0-\x20\x7F-\x9F]/.test(url) || !isCleanText(url)) return 'it contains a space, a control or an invisible character';
  if (/\\/.test(url)) return 'it contains a backslash (browsers read it as a slash)';
  // RFC 3986 requires these to be percent-encoded; raw, they can end an HTML attribute. Astro 5.18
  // writes an http(s) attribute value that contains `&` without escaping it at all
  // (astro/dist/runtime/server/render/util.js addAttribute, the `isHttpUrl` branch), so a `"` in
  // such a URL would break out of `href="…"` and inject markup. Astro workaround “quotes refused in
  // http(s) URLs” (./astroWorkarounds.ts), https://github.com/withastro/astro/pull/15740.
  if (/["<>`]/.test(url)) return 'it contains a quote, < > or ` (percent-encode them: %22 %3C %3E %60)';
  if (CHARACTER_REFERENCE.test(url)) return 'it contains an HTML character reference (write the character itself)';
  if (url.startsWith('//')) return 'it is protocol-relative (//host/…): it leads to another host — write it with https://';
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) return `the scheme “${scheme}:” is not allowed (only http:, https:, mailto: or a site path)`;
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(url)) return 'it is not a valid web address';
  } else if (scheme === undefined && !URL.canParse(url, 'https://site.invalid/')) {
    return 'it is not a valid site path';
  }
  return undefined;
}

export const isAllowedUrl = (url: string): boolean => unsafeUrlReason(url) === undefined;

/**
 * The href to render for a content URL: allowed URLs in their WHATWG serialisation (which
 * percent-encodes anything an attribute could trip on), undefined for anything else.
 */
export function safeHref(url: string): string | undefined {
  if (!isAllowedUrl(url)) return undefined;
  return SCHEME.test(url) && URL.canParse(url) ? new URL(url).href : url;
}

/** Why `url` is not an absolute http(s) address (source records), or undefined. */
export function notWebAddressReason(url: string): string | undefined {
  const reason = unsafeUrlReason(url);
  if (reason) return reason;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'it must be an http:// or https:// address';
  const { hostname } = new URL(url);
  if (!hostname) return 'it has no host name';
  return undefined;
}
