/**
 * What a save writes into the casebook, checked against what is there, with the CLI's rules
 * (src/lib/ingest/run/writePlan.ts, which is bound to Node's file system): a file that differs is
 * never replaced without the editor's say-so, and replacing what a curated case owns (a case
 * without `draft: true`, a source record such cases cite, the raw file of another source) is
 * named as such. `content/regions.yaml` is only ever appended to. Paths are relative to the
 * casebook folder, as in the zip the studio offers instead.
 */
import { isCleanText } from '../text/unsafeChars.ts';

export type Role = 'seed' | 'source' | 'case' | 'regions';

export interface SaveRequest {
  path: string;
  content: string | Uint8Array;
  role: Role;
}

/** `new`: nothing there; `same`: these bytes are there; `differs`: another file would be replaced. */
export type SaveState = 'new' | 'same' | 'differs';

export interface PlannedSave extends SaveRequest {
  state: SaveState;
  /** Why replacing or adding it touches a curated case. */
  curated?: string;
}

export interface CasebookCase {
  /** File name without `.mdx`. */
  file: string;
  source: string;
  body: string;
  /** `draft: true` (src/lib/model/drafts.ts); a case without it is curated. */
  draft: boolean;
}

export interface SaveContext {
  cases: readonly CasebookCase[];
  /** Source key → its raw file. */
  sources: Readonly<Record<string, string>>;
  /** The source key the saved cases cite. */
  sourceKey: string;
  /** Reporting body of each saved case, by file name. */
  bodies: ReadonlyMap<string, string>;
  /** The case file the editor opened to edit (replacing it is what they asked for). */
  editing?: string;
}

/** Seed first, then the source record that points at it, then the cases; regions first of all. */
const ORDER: Record<Role, number> = { regions: 0, seed: 1, source: 2, case: 3 };

const CASE_PATH = /^content\/cases\/([^/]+)\.mdx$/;

function sameBytes(a: Uint8Array, b: string | Uint8Array): boolean {
  const c = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  return a.length === c.length && a.every((x, i) => x === c[i]);
}

function curatedClaim(r: SaveRequest, state: SaveState, ctx: SaveContext): string | undefined {
  const saved = new Set([...ctx.bodies.keys()]);
  const curatedOfSource = ctx.cases.filter((c) => c.source === ctx.sourceKey && !c.draft && !saved.has(c.file));
  if (r.role === 'case') {
    const file = CASE_PATH.exec(r.path)?.[1] ?? '';
    const existing = ctx.cases.find((c) => c.file === file);
    if (state === 'differs' && existing && !existing.draft && r.path !== ctx.editing)
      return `${r.path} is a curated case (no draft: true)`;
    const body = ctx.bodies.get(file);
    const twin = curatedOfSource.find((c) => body && c.body === body);
    if (state === 'new' && twin)
      return `a curated case for ${body} from this source exists (content/cases/${twin.file}.mdx)`;
  } else if (r.role === 'source' && state === 'differs' && curatedOfSource.length) {
    return `the source record is cited by curated case(s) ${curatedOfSource.map((c) => c.file).join(', ')}`;
  } else if (r.role === 'seed' && state === 'differs') {
    const name = r.path;
    const owners = Object.entries(ctx.sources).filter(([key, file]) => file === name && key !== ctx.sourceKey);
    if (owners.length) return `${name} is the raw file of source record(s) ${owners.map(([k]) => k).join(', ')}`;
  }
  return undefined;
}

/** Each file of the save with its state; `existing` holds the bytes now at each path (undefined: none). */
export function planSave(
  requests: readonly SaveRequest[],
  existing: ReadonlyMap<string, Uint8Array | undefined>,
  ctx: SaveContext,
): PlannedSave[] {
  return [...requests]
    .sort((a, b) => ORDER[a.role] - ORDER[b.role])
    .map((r) => {
      const now = existing.get(r.path);
      const state: SaveState = !now ? 'new' : sameBytes(now, r.content) ? 'same' : 'differs';
      // regions.yaml is appended to (its content here already is the old text plus the new lines).
      const curated = r.role === 'regions' ? undefined : curatedClaim(r, state, ctx);
      return { ...r, state, ...(curated && { curated }) };
    });
}

/** Files that would replace another file (the editor is asked first); regions.yaml only grows. */
export const replaced = (plan: readonly PlannedSave[]) =>
  plan.filter((f) => f.state === 'differs' && f.role !== 'regions');

/**
 * A raw file's name as seeds/ takes it (src/lib/content/seeds.ts): the file name alone, without
 * invisible or control characters, path or shell-hostile characters, or a leading dot.
 */
export function seedName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    .filter((ch) => isCleanText(ch) && ch !== '\t' && ch !== '\n')
    .join('')
    .replace(/[<>:"|?*\s]+/g, '-')
    .replace(/^[.-]+/, '');
  return clean || 'bulletin.txt';
}
