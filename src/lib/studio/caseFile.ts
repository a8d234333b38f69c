/**
 * A case file (or source record) as the studio edits it. The text is changed field by field:
 * every line the editor did not change stays as it was — comments, key order, quoting, the
 * style of inline lists — so a new draft is saved as what `npm run ingest` wrote plus the edits,
 * and a curated case as the editor's own file plus the edits. A field written anew is written
 * the way ingest writes it (`yamlOf` of src/lib/ingest/draft/files.ts). The body is never touched.
 *
 * The YAML is read in top-level fields: a field is its key line at column 0 and the indented
 * lines after it; comment lines above a key belong to that key (as the `yaml` package reads them).
 */
import { parseYamlSource, splitFrontMatter } from '../content/yamlSource.ts';
import { isDraft } from '../model/drafts.ts';
import { yamlOf } from '../ingest/draft/files.ts';

/** Field order of a case (src/schemas/case.ts): a field added to a file goes to its place. */
export const CASE_FIELDS = [
  'slug',
  'draft',
  'title',
  'originalTitle',
  'summary',
  'region',
  'body',
  'author',
  'authorRole',
  'date',
  'dateNote',
  'source',
  'measures',
  'figures',
] as const;

/** Field order of a source record (src/schemas/source.ts). */
export const SOURCE_FIELDS = [
  'title',
  'publication',
  'issue',
  'publisher',
  'author',
  'date',
  'dateNote',
  'url',
  'accessed',
  'kind',
  'file',
  'summary',
] as const;

/** Key order of a new figure, as ingest proposes them (src/lib/ingest/draft/figures.ts). */
const FIGURE_FIELDS = ['label', 'value', 'unit', 'display', 'kind', 'period', 'measure', 'quote', 'metric'];

/** The comment ingest puts at the top of a draft (src/lib/ingest/run/ingest.ts; the CLI tells drafts by it). */
const DRAFT_MARK = /^#\s*Draft by `npm run ingest`/;
/** The comment ingest puts after `measures:`: passing mentions the editor may add. */
const PASSING_MARK = /^#\s*Passing mentions, not proposed/;

interface Field {
  /** The key; undefined for comment lines after the last field. */
  key?: string;
  /** Comment and blank lines above the key. */
  comments: string[];
  /** The key line and its indented lines. */
  lines: string[];
}

export interface YamlFile {
  fields: Field[];
  /** A case: everything after the closing `---` line, verbatim. Undefined for a source record. */
  body?: string;
}

const KEY_LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s#'"\-?:][^:#]*?))\s*:(?:\s|$)/;

function splitFields(yaml: string): Field[] {
  const fields: Field[] = [];
  let pending: string[] = [];
  for (const line of yaml.split('\n')) {
    const key = KEY_LINE.exec(line);
    if (key) {
      fields.push({ key: key[1] ?? key[2] ?? key[3]!, comments: pending, lines: [line] });
      pending = [];
    } else if (line.trim() === '' || line.startsWith('#')) pending.push(line);
    else if (fields.length) {
      // An indented line continues the field above, with any blank or comment lines before it.
      fields.at(-1)!.lines.push(...pending, line);
      pending = [];
    } else pending.push(line);
  }
  if (pending.length) fields.push({ comments: pending, lines: [] });
  return fields;
}

const joinFields = (fields: readonly Field[]) => fields.flatMap((f) => [...f.comments, ...f.lines]).join('\n');

/** The complete text of the file. */
export function fileText(file: YamlFile): string {
  const yaml = joinFields(file.fields);
  return file.body === undefined ? yaml : `---\n${yaml}\n---\n${file.body}`;
}

function readYaml(yaml: string): Record<string, unknown> | { error: string } {
  const { data, errors } = parseYamlSource(yaml);
  if (errors[0]) return { error: `line ${errors[0].line}: ${errors[0].message}` };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { error: 'the YAML is not a map of fields' };
  return data as Record<string, unknown>;
}

function open(yaml: string, body?: string): YamlFile | { error: string } {
  const data = readYaml(yaml);
  if ('error' in data) return data as { error: string };
  const fields = splitFields(yaml);
  // Every top-level key must have been found by its line, or edits could go astray.
  const found = fields.flatMap((f) => (f.key ? [f.key] : []));
  if (found.join('\n') !== Object.keys(data).join('\n'))
    return { error: 'the fields are not one per line at column 0' };
  return { fields, ...(body !== undefined && { body }) };
}

const normalise = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** Opens a case file (`---` front matter, body). */
export function openCase(text: string): YamlFile | { error: string } {
  const split = splitFrontMatter(normalise(text));
  if (!split) return { error: 'no front matter' };
  return open(split.frontMatter, split.body);
}

/** Opens a source record (plain YAML). */
export function openSource(text: string): YamlFile | { error: string } {
  return open(normalise(text));
}

/** The file's fields as plain data (YAML core schema, as the build reads them). */
export function fieldsOf(file: YamlFile): Record<string, unknown> {
  const data = readYaml(joinFields(file.fields));
  return 'error' in data ? {} : data;
}

/** A draft: `draft: true` (../model/drafts.ts). */
export function isDraftCase(text: string): boolean {
  const file = openCase(text);
  if ('error' in file) return false;
  return isDraft(fieldsOf(file));
}

/** Canonical JSON (sorted keys), to tell an edited value from an untouched one. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** `key: value` as ingest writes it. */
const ingestLines = (key: string, value: unknown) =>
  yamlOf({ [key]: value }, key === 'measures' ? [key] : [])
    .replace(/\n$/, '')
    .split('\n');

/** Replaces, adds (at its place in `order`) or removes (`lines` undefined) a field. */
function putField(file: YamlFile, key: string, lines: string[] | undefined, order: readonly string[]): void {
  const { fields } = file;
  const at = fields.findIndex((f) => f.key === key);
  if (!lines) {
    if (at < 0) return;
    const [removed] = fields.splice(at, 1);
    // Comments above the removed field stay, above the field that takes its place.
    if (removed?.comments.length) {
      const next = fields[at];
      if (next) next.comments = [...removed.comments, ...next.comments];
      else fields.push({ comments: removed.comments, lines: [] });
    }
    return;
  }
  if (at >= 0) {
    fields[at]!.lines = lines;
    return;
  }
  const rank = order.indexOf(key);
  let index = fields.findIndex((f) => !f.key || order.indexOf(f.key) > rank);
  if (index < 0) index = fields.length;
  const field: Field = { key, comments: [], lines };
  // The file's top comment stays at the top.
  const first = fields[index];
  if (index === 0 && first?.comments.length) {
    field.comments = first.comments;
    first.comments = [];
  }
  fields.splice(index, 0, field);
}

/** Sets a field to `value` unless it already holds it; '' or undefined removes an optional field. */
export function setField(file: YamlFile, key: string, value: unknown, order: readonly string[]): void {
  if (value === undefined || value === '') return putField(file, key, undefined, order);
  if (canonical(fieldsOf(file)[key]) === canonical(value)) return;
  putField(file, key, ingestLines(key, value), order);
}

const rank = (key: string) => {
  const i = FIGURE_FIELDS.indexOf(key);
  return i < 0 ? FIGURE_FIELDS.length : i;
};

/** A block list's items as line groups, and their indentation; undefined for another form. */
function listItems(lines: readonly string[]): { indent: string; items: string[][] } | undefined {
  const first = lines[1] ? /^(\s*)- /.exec(lines[1]) : null;
  if (!first || lines[0]!.replace(/\s+$/, '').replace(/^[^:]+:/, '') !== '') return undefined;
  const indent = first[1]!;
  const items: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith(`${indent}- `)) items.push([line]);
    else if (items.length) items.at(-1)!.push(line);
  }
  return { indent, items };
}

/** Sets the figure list: figures the editor left as they were keep their lines. */
export function setFigures(file: YamlFile, figures: readonly Record<string, unknown>[]): void {
  const before = fieldsOf(file).figures;
  if (canonical(before) === canonical(figures)) return;
  const field = file.fields.find((f) => f.key === 'figures');
  const old = Array.isArray(before) ? before.map(canonical) : [];
  const list = field ? listItems(field.lines) : undefined;
  if (!figures.length || !list || list.items.length !== old.length) {
    const ordered = figures.map((f) =>
      Object.fromEntries(
        Object.keys(f)
          .sort((a, b) => rank(a) - rank(b))
          .map((k) => [k, f[k]]),
      ),
    );
    return putField(file, 'figures', ingestLines('figures', ordered), CASE_FIELDS);
  }
  const used = new Set<number>();
  const items = figures.map((f) => {
    const same = old.findIndex((c, i) => !used.has(i) && c === canonical(f));
    if (same >= 0) {
      used.add(same);
      return list.items[same]!;
    }
    const ordered = Object.fromEntries(
      Object.keys(f)
        .sort((a, b) => rank(a) - rank(b))
        .map((k) => [k, f[k]]),
    );
    // Ingest indents list items by two spaces: shift to the file's own indentation.
    return ingestLines('figures', [ordered])
      .slice(1)
      .map((line) => `${list.indent}${line.slice(2)}`);
  });
  putField(file, 'figures', [field!.lines[0]!, ...items.flat()], CASE_FIELDS);
}

/** Removes the comment block that starts with a line matching `mark` (and its indented lines). */
function dropComment(comments: string[], mark: RegExp): string[] {
  const start = comments.findIndex((line) => mark.test(line));
  if (start < 0) return comments;
  let end = start + 1;
  // Ingest's note is the marked line and the comment lines right after it.
  while (end < comments.length && comments[end]!.startsWith('#')) end++;
  return [...comments.slice(0, start), ...comments.slice(end)];
}

/**
 * Marks the case a draft (`draft: true`; ingest's review notes kept) or ready to publish (the
 * flag and ingest's notes removed: the editor has reviewed it).
 */
export function setDraft(file: YamlFile, draft: boolean): void {
  if (draft) return setField(file, 'draft', true, CASE_FIELDS);
  putField(file, 'draft', undefined, CASE_FIELDS);
  for (const field of file.fields) field.comments = dropComment(dropComment(field.comments, DRAFT_MARK), PASSING_MARK);
}

/** Drops the passing-mentions note's lines for measures the editor has now taken. */
export function updatePassingNote(file: YamlFile, measures: readonly string[]): void {
  for (const field of file.fields) {
    const start = field.comments.findIndex((line) => PASSING_MARK.test(line));
    if (start < 0) continue;
    const taken = (line: string) => measures.includes(/^#\s+(\S+) \(/.exec(line)?.[1] ?? '');
    const kept = field.comments.filter((line, i) => i <= start || !line.startsWith('#') || !taken(line));
    const emptied = !(kept[start + 1] ?? '').startsWith('#');
    field.comments = emptied ? dropComment(kept, PASSING_MARK) : kept;
  }
}
