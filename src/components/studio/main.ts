/**
 * 编辑工作台 (/studio/): a bulletin dropped here goes through the same ingest as the CLI, in a
 * Web Worker (nothing is uploaded); the editor reviews the draft beside the text, with the
 * build's own checks, and saves it into the casebook folder or as a zip. Loaded by this page
 * only; the data it needs is the studio's own (studio/data.json).
 */
import { MAX_INPUT_BYTES } from '../../lib/ingest/read/decode.ts';
import type { IngestResult } from '../../lib/ingest/run/ingest.ts';
import type { ReadResult } from '../../lib/ingest/read/document.ts';
import { fieldsOf } from '../../lib/studio/caseFile.ts';
import { refusalText } from '../../lib/studio/messages.ts';
import type { StudioData } from '../../lib/studio/data.ts';
import { appendRegionLines, casebookRegions, regionChoices, regionLines, regionOf } from '../../lib/studio/regions.ts';
import { seedName, type PlannedSave } from '../../lib/studio/savePlan.ts';
import type { CheckContext } from '../../lib/studio/validate.ts';
import type { Region } from '../../lib/model/regions.ts';
import { combobox } from './combobox.ts';
import { h, loadStrings, tr } from './dom.ts';
import {
  canPickFolder,
  lastFolder,
  pickCasebook,
  readFile,
  readText,
  reopenCasebook,
  sizeOf,
  type Casebook,
} from './folder.ts';
import { Review, type Shown } from './review.ts';
import { saveRequests, saveToFolder } from './save.ts';
import { caseState, sourceState, type CaseState, type Session } from './state.ts';
import { IngestWorker } from './workerClient.ts';

const LINES_KEY = 'studio.regionLines';

class Studio {
  private worker: IngestWorker;
  private book: Casebook | undefined;
  private review: Review | undefined;
  private session: Session | undefined;
  private shown: Shown[] = [];
  private ownWrites = new Map<string, string>();
  private regionsCache: { text: string; byId: Map<string, Region> } | undefined;
  private choices;
  private status: HTMLElement;
  private reviewSlot: HTMLElement;
  private saveBar: HTMLElement;
  private summary: HTMLElement;

  constructor(
    private root: HTMLElement,
    private data: StudioData,
  ) {
    this.worker = new IngestWorker(data);
    this.choices = regionChoices(data.divisions, data.divisionReadings);
    this.status = root.querySelector<HTMLElement>('[data-studio-status]')!;
    this.reviewSlot = root.querySelector<HTMLElement>('[data-studio-review]')!;
    this.saveBar = root.querySelector<HTMLElement>('[data-studio-save]')!;
    this.summary = root.querySelector<HTMLElement>('[data-studio-problems]')!;
    this.wireFolder();
    this.wireSave();
    window.addEventListener('beforeunload', (e) => {
      if (this.session?.dirty) e.preventDefault();
    });
    // The readers of PDF and DOCX, fetched while the editor looks at the page: the studio then works offline.
    const idle =
      (window as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f) => setTimeout(f, 2000));
    idle(() =>
      this.worker.request({ type: 'preload' }, 5 * 60_000).then(
        () => {
          root.dataset.studioOffline = 'ready';
          root.querySelector('[data-studio-offline]')?.removeAttribute('hidden');
        },
        () => undefined,
      ),
    );
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  /** The casebook's content/regions.yaml: the folder's, or the site's plus the lines this browser added to zips. */
  private regionsYaml(): string {
    if (this.book) return this.book.regionsYaml;
    const added = JSON.parse(localStorage.getItem(LINES_KEY) ?? '[]') as string[];
    return appendRegionLines(this.data.regionsYaml, added);
  }

  private regions(): Map<string, Region> {
    const text = this.regionsYaml();
    if (this.regionsCache?.text !== text) {
      const byId = new Map(casebookRegions(text, this.data.divisions).map((r) => [r.id, r]));
      this.regionsCache = { text, byId };
    }
    return this.regionsCache.byId;
  }

  private linesFor(code: string): string[] {
    if (!code || this.regions().has(code)) return [];
    const choice = this.choices.find((c) => c.code === code);
    const region = choice && regionOf(choice.path, this.data.divisions);
    return region ? regionLines(region, new Set(this.regions().keys()), this.data.divisions) : [];
  }

  private checks(): CheckContext {
    const regionIds = [...this.regions().keys()];
    for (const c of this.session?.cases ?? []) if (this.linesFor(c.region).length) regionIds.push(c.region);
    const sources = this.book?.sources ?? this.data.sources;
    return {
      measureIds: this.data.measures.map((m) => m.id),
      regionIds,
      metrics: this.data.metrics,
      sourceExists: (key) => key in sources || key === this.session?.source.key,
    };
  }

  private wireFolder(): void {
    const button = this.root.querySelector<HTMLButtonElement>('[data-studio-folder]')!;
    const where = this.root.querySelector<HTMLElement>('[data-studio-where]')!;
    const opener = this.root.querySelector<HTMLElement>('[data-studio-open]')!;
    if (!canPickFolder()) {
      button.hidden = true;
      where.textContent = tr('folder.unsupported');
      return;
    }
    const use = (book: Casebook | undefined) => {
      if (!book) return;
      this.book = book;
      where.textContent = tr('folder.chosen', { name: book.name, n: book.cases.length });
      opener.replaceChildren(this.caseOpener(book));
      this.review?.validate();
    };
    const choose = async () => {
      try {
        use(await pickCasebook());
      } catch (error) {
        this.say(tr('folder.notCasebook', { what: (error as Error).message }));
      }
    };
    button.addEventListener('click', () => void choose());
    void lastFolder().then((handle) => {
      if (!handle) return;
      const again = h('button', { type: 'button' }, tr('folder.again', { name: handle.name }));
      again.addEventListener('click', () => {
        void reopenCasebook(handle).then(use, (error: Error) =>
          this.say(tr('folder.notCasebook', { what: error.message })),
        );
        again.remove();
      });
      button.after(again);
    });
  }

  /** Picks a case of the folder by its title or file name. */
  private caseOpener(book: Casebook): HTMLElement {
    return combobox({
      id: 'studio-open-case',
      label: tr('open.label'),
      placeholder: tr('open.placeholder'),
      none: tr('open.none'),
      find: (typed) =>
        book.cases
          .filter((c) => c.title.includes(typed.trim()) || c.file.includes(typed.trim().toLowerCase()))
          .slice(0, 15)
          .map((c) => ({ id: c.file, label: c.title || c.file, hint: `${c.file}.mdx` })),
      pick: (choice) => void this.openCase(book, choice.id),
    });
  }

  private async digest(bytes: Uint8Array): Promise<string | undefined> {
    // crypto.subtle exists in secure contexts only (https, localhost); elsewhere a re-ingest is not recognised.
    if (!crypto.subtle) return undefined;
    const hash = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
    return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Where the raw file goes: the seed it already is, else seeds/<name> under a name not taken. */
  private async seedFor(file: File, bytes: Uint8Array): Promise<{ path: string; known?: string }> {
    const digest = await this.digest(bytes);
    const sources = this.book?.sources ?? this.data.sources;
    const same = async (path: string) => {
      // Sizes first: only a file of the same size is read and hashed.
      if (!this.book || !digest || (await sizeOf(this.book, path)) !== bytes.length) return false;
      const there = await readFile(this.book, path);
      return !!there && (await this.digest(there)) === digest;
    };
    for (const [key, path] of Object.entries(sources)) {
      const known = this.book ? await same(path) : !!digest && this.data.seedDigests[digest] === path;
      if (known) return { path, known: key };
    }
    const name = seedName(file.name);
    const taken = async (path: string) =>
      Object.values(sources).includes(path) || (this.book ? (await sizeOf(this.book, path)) !== undefined : false);
    let path = `seeds/${name}`;
    for (let n = 2; (await taken(path)) && n < 100; n++) path = `seeds/${name.replace(/(\.[^.]*)?$/, `-${n}$1`)}`;
    return { path };
  }

  private refusal(reason: string): string {
    return refusalText(reason, (key, params) => tr(`refusal.${key}`, params));
  }

  /** Another document replaces this one: unsaved edits are not thrown away without asking. */
  private mayLeave(): boolean {
    return !this.session?.dirty || window.confirm(tr('discard'));
  }

  async openFile(file: File): Promise<void> {
    if (!this.mayLeave()) return;
    if (file.size > MAX_INPUT_BYTES)
      return this.say(tr('read.tooLarge', { mb: (MAX_INPUT_BYTES / 1048576).toFixed(0) }));
    this.say(tr('read.reading', { name: file.name }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    let reply;
    try {
      reply = await this.worker.request({ type: 'read', bytes: bytes.slice(), fileName: file.name });
    } catch (error) {
      return this.say(
        tr((error as Error).message === 'timeout' ? 'read.timeout' : 'read.failed', {
          reason: (error as Error).message,
        }),
      );
    }
    const read = (reply as { read: ReadResult }).read;
    if (!read.ok) return this.say(tr('read.refused', { reason: this.refusal(read.reason) }));
    const seed = await this.seedFor(file, bytes);
    await this.ingest({ file, bytes, read, readId: reply.id, seed });
  }

  private async ingest(doc: {
    file: File;
    bytes: Uint8Array;
    read: ReadResult;
    readId: number;
    seed: { path: string; known?: string };
    force?: boolean;
    fallbackDate?: string;
  }): Promise<void> {
    this.say(tr('read.ingesting'));
    const cases = this.book?.cases ?? this.data.cases;
    let reply;
    try {
      reply = await this.worker.request({
        type: 'ingest',
        readId: doc.readId,
        fileName: doc.file.name,
        seedFile: doc.seed.path,
        regionsYaml: this.regionsYaml(),
        caseSources: Object.fromEntries(cases.map((c) => [c.file, c.source])),
        sources: this.book?.sources ?? this.data.sources,
        ...(doc.seed.known && { knownSource: doc.seed.known }),
        ...(doc.force && { force: true }),
        ...(doc.fallbackDate && { fallbackDate: doc.fallbackDate }),
      });
    } catch (error) {
      const reason = (error as Error).message;
      return this.say(tr(reason === 'timeout' ? 'read.timeout' : 'read.failed', { reason }));
    }
    const result = (reply as { result: IngestResult }).result;
    if (!result.ok || !result.source) return this.refused(result, doc);
    const session: Session = {
      kind: 'new',
      fileName: doc.file.name,
      ...(!doc.seed.known && { seed: { path: doc.seed.path, bytes: doc.bytes } }),
      source: sourceState(`content/${result.source.path}`, result.source.text) as Session['source'],
      cases: result.cases.map((c) => {
        const report = result.report.cases.find((r) => r.path === c.path);
        const proposed = report?.measures.filter((m) => m.proposed).map((m) => m.id);
        const state = caseState(`content/${c.path}`, c.text, proposed) as CaseState;
        return report ? { ...state, report } : state;
      }),
      current: 0,
      read: doc.read,
      proposedRegions: result.report.proposedRegions,
    };
    this.show(session);
    this.say(tr('read.done', { name: doc.file.name, n: session.cases.length }));
  }

  /** Ingest refused the text: say why, and offer the date or the override the CLI would take. */
  private refused(result: IngestResult, doc: Parameters<Studio['ingest']>[0]): void {
    const reason = result.report.reason ?? result.issues[0] ?? '';
    this.root.querySelector('.studio-retry')?.remove();
    const retry = h('div', { class: 'studio-retry' });
    if (/no date printed/.test(reason)) {
      const input = h('input', { id: 'studio-date', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD' });
      const go = h('button', { type: 'button' }, tr('retry.withDate'));
      go.addEventListener('click', () => void this.ingest({ ...doc, fallbackDate: input.value.trim() }));
      retry.append(h('label', { for: 'studio-date' }, tr('retry.date')), input, go);
    } else if (/use --force/.test(reason)) {
      const go = h('button', { type: 'button' }, tr('retry.force'));
      go.addEventListener('click', () => void this.ingest({ ...doc, force: true }));
      retry.append(go);
    }
    this.say(tr('read.rejected', { reason: this.refusal(reason) }));
    this.status.after(retry);
  }

  private async openCase(book: Casebook, file: string): Promise<void> {
    if (!this.mayLeave()) return;
    const path = `content/cases/${file}.mdx`;
    const text = await readText(book, path);
    const state = text === undefined ? { error: 'missing' } : caseState(path, text);
    if ('error' in state) return this.say(tr('open.failed', { path, reason: state.error }));
    const key = String(fieldsOf(state.yaml).source ?? '');
    const sourcePath = `content/sources/${key}.yaml`;
    const source = sourceState(sourcePath, (await readText(book, sourcePath)) ?? '');
    if ('error' in source) return this.say(tr('open.failed', { path: sourcePath, reason: source.error }));
    const session: Session = { kind: 'existing', fileName: `${file}.mdx`, source, cases: [state], current: 0 };
    const seed = book.sources[key];
    const bytes = seed ? await readFile(book, seed) : undefined;
    if (seed && bytes) {
      const reply = await this.worker.request({ type: 'read', bytes, fileName: seed }).catch(() => undefined);
      if (reply && 'read' in reply) session.read = reply.read;
    }
    this.show(session);
    this.say(tr('open.done', { path }));
  }

  private show(session: Session): void {
    this.session = session;
    this.ownWrites = new Map();
    this.root.querySelector('.studio-retry')?.remove();
    this.review = new Review(
      session,
      {
        data: this.data,
        worker: this.worker,
        choices: this.choices,
        regions: () => this.regions(),
        checks: () => this.checks(),
        regionLines: (code) => this.linesFor(code),
      },
      (shown) => this.showProblems(shown),
      () => this.summary.setAttribute('aria-busy', 'true'),
    );
    this.reviewSlot.replaceChildren(this.review.element);
    this.saveBar.hidden = false;
    this.root.classList.add('has-document');
    this.review.validate();
    this.reviewSlot.scrollIntoView({ block: 'start' });
  }

  private showProblems(shown: Shown[]): void {
    this.shown = shown;
    this.summary.removeAttribute('aria-busy');
    const heading = this.summary.querySelector('h3')!;
    const list = this.summary.querySelector('ul')!;
    heading.textContent = shown.length ? tr('save.problems', { n: shown.length }) : tr('save.ready');
    this.summary.classList.toggle('has-problems', shown.length > 0);
    list.replaceChildren(
      ...shown.map((s) => {
        const owner = s.owner < 0 ? tr('save.sourceRecord') : (this.session?.cases[s.owner]?.fields.body ?? '');
        const button = h('button', { type: 'button', class: 'studio-link' }, `${owner} · ${s.text}`);
        button.addEventListener('click', () => this.review?.focus(s));
        return h('li', {}, button);
      }),
    );
  }

  private wireSave(): void {
    const where = this.saveBar.querySelector<HTMLElement>('[data-studio-save-where]')!;
    for (const button of this.saveBar.querySelectorAll<HTMLButtonElement>('[data-studio-save-as]')) {
      button.addEventListener('click', () => void this.save(button.dataset.studioSaveAs === 'publish'));
    }
    where.textContent = canPickFolder() ? tr('save.whereFolderFirst') : tr('save.whereZip');
  }

  private async save(publish: boolean): Promise<void> {
    const session = this.session;
    if (!session || !this.review) return;
    if (!session.cases.some((c) => c.include)) return this.say(tr('save.noCase'));
    if (this.review.validate().length) {
      this.summary.focus();
      return this.say(tr('save.refused', { n: this.shown.length }));
    }
    const lines = [...new Set(session.cases.filter((c) => c.include).flatMap((c) => this.linesFor(c.region)))];
    const requests = saveRequests({ session, publish, regionsYaml: this.regionsYaml(), regionLines: lines });
    if (!this.book) return this.download(requests, lines, session);
    const saved = await saveToFolder(this.book, requests, {
      session,
      ownWrites: this.ownWrites,
      regionLines: lines,
      confirm: (files) => this.confirm(files),
    });
    if (!saved.ok)
      return this.say(
        saved.cancelled ? tr('save.cancelled') : tr('save.failed', { path: saved.path, error: saved.error }),
      );
    const regions = saved.files.find((f) => f.role === 'regions');
    if (regions && typeof regions.content === 'string') this.book.regionsYaml = regions.content;
    this.remember(session, publish);
    session.dirty = false;
    const written = saved.files.filter((f) => f.state !== 'same').map((f) => f.path);
    this.say(written.length ? tr('save.saved', { files: written.join('、') }) : tr('save.unchanged'));
  }

  /** The saved names are taken now: the next document gets others. */
  private remember(session: Session, publish: boolean): void {
    const book = this.book;
    if (!book) return;
    book.sources[session.source.key] = String(fieldsOf(session.source.yaml).file ?? '');
    for (const c of session.cases.filter((x) => x.include)) {
      const file = c.path.replace(/^.*\/|\.mdx$/g, '');
      const saved = { file, title: c.fields.title, source: session.source.key, body: c.fields.body, draft: !publish };
      book.cases = [...book.cases.filter((x) => x.file !== file), saved];
    }
  }

  private async download(requests: ReturnType<typeof saveRequests>, lines: string[], session: Session): Promise<void> {
    const reply = await this.worker.request({
      type: 'zip',
      files: requests.map((r) => ({ path: r.path, content: r.content })),
    });
    const blob = (reply as { zip: Blob }).zip;
    const link = h('a', { href: URL.createObjectURL(blob), download: `${session.source.key}.zip` });
    document.body.append(link);
    link.click();
    link.remove();
    if (lines.length) {
      const added = JSON.parse(localStorage.getItem(LINES_KEY) ?? '[]') as string[];
      localStorage.setItem(LINES_KEY, JSON.stringify([...new Set([...added, ...lines])]));
    }
    session.dirty = false;
    this.say(tr('save.zipped', { name: `${session.source.key}.zip`, files: requests.map((r) => r.path).join('、') }));
  }

  /** Asks before files are replaced; says which belong to curated cases. */
  private confirm(files: PlannedSave[]): Promise<boolean> {
    const dialog = h(
      'dialog',
      { class: 'studio-dialog', 'aria-labelledby': 'studio-dialog-title' },
      h('h2', { id: 'studio-dialog-title' }, tr('confirm.title')),
      h('ul', {}, ...files.map((f) => h('li', {}, f.path, f.curated ? h('strong', {}, tr('confirm.curated')) : ''))),
      h('p', {}, tr('confirm.lead')),
    );
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        dialog.close();
        dialog.remove();
        resolve(ok);
      };
      const yes = h('button', { type: 'button' }, tr('confirm.replace'));
      const no = h('button', { type: 'button' }, tr('confirm.cancel'));
      yes.addEventListener('click', () => done(true));
      no.addEventListener('click', () => done(false));
      dialog.addEventListener('cancel', () => done(false));
      dialog.append(h('div', { class: 'studio-dialog-buttons' }, no, yes));
      document.body.append(dialog);
      dialog.showModal();
      no.focus();
    });
  }
}

/**
 * The file input and the drop zone work from the first paint: a file chosen or dropped while the
 * studio's data is still loading is opened once it has loaded (and a drop never navigates away).
 */
function wireStart(root: HTMLElement, open: (file: File) => void): void {
  const input = root.querySelector<HTMLInputElement>('[data-studio-file]')!;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) open(file);
    input.value = '';
  });
  const zone = root.querySelector<HTMLElement>('[data-studio-drop]')!;
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    const file = e.dataTransfer?.files[0];
    if (file) open(file);
  });
}

async function start(root: HTMLElement, status: HTMLElement): Promise<Studio | undefined> {
  try {
    const response = await fetch(root.dataset.studioData!);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const studio = new Studio(root, (await response.json()) as StudioData);
    root.querySelector('[data-studio-start]')?.removeAttribute('aria-busy');
    status.textContent = tr('ready');
    return studio;
  } catch (error) {
    status.textContent = tr('dataFailed', { reason: (error as Error).message });
    return undefined;
  }
}

function boot(): void {
  const root = document.querySelector<HTMLElement>('[data-studio]');
  if (!root) return;
  loadStrings(root);
  const studio = start(root, root.querySelector<HTMLElement>('[data-studio-status]')!);
  // One file at a time, in the order they came: two reads must not interleave their reviews.
  let opening: Promise<unknown> = studio;
  wireStart(root, (file) => {
    opening = opening.then(() => studio.then((s) => s?.openFile(file))).catch(() => undefined);
  });
}

boot();
