/**
 * The casebook folder through the File System Access API (Chromium-based browsers: Chrome, Edge,
 * 360, QQ): chosen once (and remembered in IndexedDB, asked again for permission after a
 * reload), read for what it already holds, and written file by file — all of a save or none.
 */
import { isDraftCase, fieldsOf, openCase, openSource } from '../../lib/studio/caseFile.ts';
import type { StudioCase } from '../../lib/studio/data.ts';

interface DirectoryPickerWindow {
  showDirectoryPicker?(options?: { id?: string; mode?: 'read' | 'readwrite' }): Promise<FileSystemDirectoryHandle>;
}
interface PermissionHandle {
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
}

export const canPickFolder = () => typeof (window as DirectoryPickerWindow).showDirectoryPicker === 'function';

export interface Casebook {
  root: FileSystemDirectoryHandle;
  name: string;
  cases: StudioCase[];
  sources: Record<string, string>;
  regionsYaml: string;
}

async function dir(root: FileSystemDirectoryHandle, path: string[], create = false) {
  let d = root;
  for (const name of path) d = await d.getDirectoryHandle(name, { create });
  return d;
}

const split = (path: string) => {
  const parts = path.split('/');
  return { dirs: parts.slice(0, -1), name: parts.at(-1)! };
};

/** The file at `path` (relative to the casebook), or undefined when there is no such file. */
async function fileAt(book: Casebook, path: string): Promise<File | undefined> {
  try {
    const { dirs, name } = split(path);
    return await (await (await dir(book.root, dirs)).getFileHandle(name)).getFile();
  } catch (error) {
    if ((error as DOMException).name === 'NotFoundError' || (error as DOMException).name === 'TypeMismatchError')
      return undefined;
    throw error;
  }
}

export async function readFile(book: Casebook, path: string): Promise<Uint8Array | undefined> {
  const file = await fileAt(book, path);
  return file && new Uint8Array(await file.arrayBuffer());
}

/** The size of the file at `path` without reading it. */
export const sizeOf = async (book: Casebook, path: string) => (await fileAt(book, path))?.size;

export async function readText(book: Casebook, path: string): Promise<string | undefined> {
  const bytes = await readFile(book, path);
  return bytes && new TextDecoder().decode(bytes);
}

async function names(root: FileSystemDirectoryHandle, path: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const [name, handle] of (await dir(root, path)) as unknown as AsyncIterable<[string, FileSystemHandle]>)
    if (handle.kind === 'file') out.push(name);
  return out.sort();
}

/** Reads what the casebook holds (cases, source records, regions); refuses a folder that is not one. */
async function indexCasebook(root: FileSystemDirectoryHandle): Promise<Casebook> {
  const book: Casebook = { root, name: root.name, cases: [], sources: {}, regionsYaml: '' };
  const regions = await readText(book, 'content/regions.yaml');
  await dir(root, ['content', 'cases']);
  await dir(root, ['seeds']);
  if (regions === undefined) throw new Error('content/regions.yaml');
  book.regionsYaml = regions;
  for (const name of (await names(root, ['content', 'cases'])).filter((n) => n.endsWith('.mdx'))) {
    const text = (await readText(book, `content/cases/${name}`)) ?? '';
    const file = openCase(text);
    const fm = 'error' in file ? {} : fieldsOf(file);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    book.cases.push({
      file: name.slice(0, -4),
      title: str(fm.title),
      source: str(fm.source),
      body: str(fm.body),
      draft: isDraftCase(text),
    });
  }
  for (const name of await names(root, ['content', 'sources'])) {
    const m = /^(.*)\.ya?ml$/.exec(name);
    const record = m && openSource((await readText(book, `content/sources/${name}`)) ?? '');
    if (m && record && !('error' in record)) book.sources[m[1]!] = String(fieldsOf(record).file ?? '');
  }
  return book;
}

const DB = 'studio';
const STORE = 'handles';

function remembered<T>(write?: FileSystemDirectoryHandle): Promise<T | undefined> {
  return new Promise((resolve) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const tx = open.result.transaction(STORE, write ? 'readwrite' : 'readonly');
      const request = write ? tx.objectStore(STORE).put(write, 'casebook') : tx.objectStore(STORE).get('casebook');
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => resolve(undefined);
    };
  });
}

/** Asks the editor for the casebook folder; undefined when they cancel. Throws when it is not a casebook. */
export async function pickCasebook(): Promise<Casebook | undefined> {
  let root: FileSystemDirectoryHandle;
  try {
    root = await (window as DirectoryPickerWindow).showDirectoryPicker!({ id: 'casebook', mode: 'readwrite' });
  } catch {
    return undefined;
  }
  const book = await indexCasebook(root);
  await remembered(root);
  return book;
}

/** The folder chosen last time, if the browser still has it. */
export const lastFolder = () => remembered<FileSystemDirectoryHandle>();

/** Opens the remembered folder again (asks for permission: call it from a click). */
export async function reopenCasebook(root: FileSystemDirectoryHandle): Promise<Casebook | undefined> {
  const handle = root as FileSystemDirectoryHandle & PermissionHandle;
  const state = (await handle.queryPermission?.({ mode: 'readwrite' })) ?? 'prompt';
  if (state !== 'granted' && (await handle.requestPermission?.({ mode: 'readwrite' })) !== 'granted') return undefined;
  return indexCasebook(root);
}

async function put(book: Casebook, path: string, content: string | Uint8Array): Promise<void> {
  const { dirs, name } = split(path);
  const handle = await (await dir(book.root, dirs, true)).getFileHandle(name, { create: true });
  // The browser writes to a temporary file and swaps it in on close: a file is never half-written.
  const writable = await handle.createWritable();
  await writable.write(typeof content === 'string' ? content : new Blob([content as BlobPart]));
  await writable.close();
}

async function remove(book: Casebook, path: string): Promise<void> {
  const { dirs, name } = split(path);
  await (await dir(book.root, dirs)).removeEntry(name);
}

/**
 * Writes the files in order; on a failure, removes what this save created and restores what it
 * replaced (`before` holds the old bytes of each path), so the casebook is never half-saved.
 */
export async function writeAll(
  book: Casebook,
  files: readonly { path: string; content: string | Uint8Array }[],
  before: ReadonlyMap<string, Uint8Array | undefined>,
): Promise<{ ok: true } | { ok: false; path: string; error: string }> {
  const done: string[] = [];
  for (const f of files) {
    try {
      await put(book, f.path, f.content);
      done.push(f.path);
    } catch (error) {
      for (const path of done.reverse()) {
        const old = before.get(path);
        await (old ? put(book, path, old) : remove(book, path)).catch(() => undefined);
      }
      return { ok: false, path: f.path, error: (error as Error).message };
    }
  }
  return { ok: true };
}
