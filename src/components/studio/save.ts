/**
 * Saving a reviewed document: its cases, its source record, the raw file and the lines
 * content/regions.yaml needs — into the casebook folder (never replacing a file without the
 * editor's say-so; all of it or none), or, where the browser cannot write to a folder, as a zip
 * with the same paths to unpack into the casebook.
 */
import { appendRegionLines } from '../../lib/studio/regions.ts';
import { planSave, replaced, type PlannedSave, type SaveRequest } from '../../lib/studio/savePlan.ts';
import { readFile, writeAll, type Casebook } from './folder.ts';
import { caseText, sourceText, type Session } from './state.ts';

const REGIONS = 'content/regions.yaml';

export interface SaveOptions {
  session: Session;
  /** Without the draft flag (ready to publish), or as a draft (`draft: true`). */
  publish: boolean;
  /** content/regions.yaml as it is now (the folder's, or the site's plus what this browser added). */
  regionsYaml: string;
  /** Lines the saved cases need in content/regions.yaml. */
  regionLines: readonly string[];
}

/** Every file of the save, with the paths of the casebook. */
export function saveRequests({ session, publish, regionsYaml, regionLines }: SaveOptions): SaveRequest[] {
  const cases = session.cases.filter((c) => c.include);
  const regions = appendRegionLines(regionsYaml, regionLines);
  return [
    ...(regions !== regionsYaml ? [{ path: REGIONS, content: regions, role: 'regions' as const }] : []),
    ...(session.seed ? [{ path: session.seed.path, content: session.seed.bytes, role: 'seed' as const }] : []),
    { path: session.source.path, content: sourceText(session.source), role: 'source' as const },
    ...cases.map((c) => ({ path: c.path, content: caseText(c, publish), role: 'case' as const })),
  ];
}

export type FolderSave =
  | { ok: true; files: PlannedSave[] }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; path: string; error: string };

/**
 * Saves into the folder. `confirm` is asked when a file would be replaced (what this page
 * wrote itself a moment ago is not asked about again); `editing` is the case file opened to edit.
 */
export async function saveToFolder(
  book: Casebook,
  requests: readonly SaveRequest[],
  options: {
    session: Session;
    /** What this review of the document wrote, by path (saving it again is not asked about). */
    ownWrites: Map<string, string>;
    /** Lines the saved cases need in content/regions.yaml. */
    regionLines: readonly string[];
    confirm(files: PlannedSave[]): Promise<boolean>;
  },
): Promise<FolderSave> {
  const before = new Map<string, Uint8Array | undefined>();
  for (const r of requests) before.set(r.path, await readFile(book, r.path));
  // regions.yaml as it is on disk now gets the lines (an edit made meanwhile elsewhere is kept).
  const regions = before.get(REGIONS);
  const current = requests.map((r) =>
    r.role === 'regions' && regions
      ? { ...r, content: appendRegionLines(new TextDecoder().decode(regions), options.regionLines) }
      : r,
  );
  const { session } = options;
  const plan = planSave(current, before, {
    cases: book.cases,
    sources: book.sources,
    sourceKey: session.source.key,
    bodies: new Map(
      session.cases.filter((c) => c.include).map((c) => [c.path.replace(/^.*\/|\.mdx$/g, ''), c.fields.body]),
    ),
    ...(session.kind === 'existing' && { editing: session.cases[0]?.path }),
  });
  const mine = (f: PlannedSave) => {
    const old = before.get(f.path);
    return old !== undefined && options.ownWrites.get(f.path) === new TextDecoder().decode(old);
  };
  // What a curated case owns is always asked about; a file this review wrote itself is not.
  const ask = plan.filter((f) => f.curated || (replaced([f]).length && !mine(f)));
  if (ask.length && !(await options.confirm(ask))) return { ok: false, cancelled: true };
  const pending = plan.filter((f) => f.state !== 'same');
  const written = await writeAll(book, pending, before);
  if (!written.ok) return { ok: false, cancelled: false, path: written.path, error: written.error };
  for (const f of pending) if (typeof f.content === 'string') options.ownWrites.set(f.path, f.content);
  return { ok: true, files: plan };
}
