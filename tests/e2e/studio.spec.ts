// 编辑工作台 (/studio/) against the built site: the readers give the same blocks in the browser as
// in Node; an editor's review of a DOCX, a WeChat export and a PDF, saved as zips and unpacked
// into one copy of the site, builds into exactly those case pages; saving into a casebook folder
// never replaces a file without asking; the page is usable by keyboard and passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readCasebook } from '../../src/lib/ingest/run/fileIO.ts';
import { ingest } from '../../src/lib/ingest/run/ingest.ts';
import { readDocument } from '../../src/lib/ingest/read/document.ts';
import { readMeasures } from '../../src/lib/content/contentFiles.ts';
import { loadDivisionDataset } from '../../src/lib/model/divisionData.ts';
import { loadMetrics } from '../../src/lib/content/loadMetrics.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';
import { fileText, openCase, setDraft } from '../../src/lib/studio/caseFile.ts';
import type { StudioData } from '../../src/lib/studio/data.ts';
import { buildSite, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';

const FORMATS = join(projectRoot, 'tests/fixtures/ingest/formats');
const STUDIO = join(projectRoot, 'tests/fixtures/studio');
const fixture = (name: string) => join(FORMATS, name);

async function openStudio(page: Page): Promise<void> {
  await page.goto('/studio/');
  await expect(page.locator('[data-studio-status]')).toContainText('就绪');
}

/**
 * Drops a file on the drop zone, as dragging it from the desktop does. True when the page took the
 * drop (cancelled both events): otherwise the browser would open the file in place of the studio.
 */
async function dropFile(page: Page, path: string): Promise<boolean> {
  const name = path.split('/').pop()!;
  return page.evaluate(
    ({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name));
      const zone = document.querySelector('[data-studio-drop]')!;
      return ['dragover', 'drop']
        .map((type) => zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true })))
        .every((notCancelled) => !notCancelled);
    },
    { b64: readFileSync(path).toString('base64'), name },
  );
}

/** The problem list once the checks have caught up with the last edit. */
async function problems(page: Page): Promise<string> {
  const list = page.locator('[data-studio-problems]');
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  return (await list.textContent()) ?? '';
}

test.describe('reading in the browser', () => {
  for (const name of [
    'chengdu-wechat-zhaosheng.md',
    'nanjing-bureau-page.html',
    'guangdong-year-plan.docx',
    'zhejiang-compilation.pdf',
    '../bulletin.txt',
    '../../studio/county-report.pdf',
    '../../studio/songti-notice.pdf',
  ]) {
    test(`${name}: the same blocks as the CLI reads in Node`, async ({ page }) => {
      const path = fixture(name);
      const node = await readDocument(new Uint8Array(readFileSync(path)), name);
      expect(node.ok).toBe(true);
      await openStudio(page);
      await page.setInputFiles('#studio-file', path);
      await page.getByRole('button', { name: '提取的全文' }).click();
      const blocks = page.locator('.studio-block');
      await expect(blocks.first()).toBeVisible();
      const browser = await blocks.evaluateAll((els) =>
        els.map((el) => ({
          kind: el.getAttribute('data-kind'),
          text: el.querySelector('.studio-source-words')?.textContent,
          line: Number(el.getAttribute('data-line')),
          page: el.hasAttribute('data-page') ? Number(el.getAttribute('data-page')) : undefined,
        })),
      );
      expect(browser).toEqual(
        node.ok ? node.blocks.map((b) => ({ kind: b.kind, text: b.text, line: b.line, page: b.page })) : [],
      );
    });
  }

  for (const name of ['scanned-notice.pdf', 'encrypted-notice.docx']) {
    test(`${name}: refused with the CLI's reason`, async ({ page }) => {
      const node = await readDocument(new Uint8Array(readFileSync(fixture(name))), name);
      expect(node.ok).toBe(false);
      await openStudio(page);
      await page.setInputFiles('#studio-file', fixture(name));
      await expect(page.locator('[data-studio-status]')).toContainText(node.ok ? '' : node.reason);
      await expect(page.locator('.studio-review')).toHaveCount(0);
    });
  }
});

test.describe('ingesting in the browser', () => {
  const casebook = readCasebook(join(projectRoot, 'content'), [projectRoot]);
  const options = (name: string) => {
    const measures = readMeasures(projectRoot);
    return {
      fileName: name,
      seedFile: `seeds/${name}`,
      measures,
      metrics: loadMetrics(
        measures.map((m) => m.id),
        projectRoot,
      ),
      regions: loadRegions(projectRoot),
      divisions: loadDivisionDataset(),
      caseOwner: (slug: string) => casebook.cases.get(slug)?.source,
      sourceOwner: (key: string) => casebook.sources.get(key),
      sourceKeyOf: (file: string) => [...casebook.sources].find(([, f]) => f === file)?.[0],
    };
  };

  for (const path of [
    fixture('guangdong-year-plan.docx'),
    join(STUDIO, 'wechat-yuelu.md'),
    fixture('zhejiang-compilation.pdf'),
  ]) {
    const name = path.split('/').pop()!;
    test(`${name}: a draft saved as it came is what the CLI writes, with draft: true`, async ({ page }) => {
      const bytes = new Uint8Array(readFileSync(path));
      const cli = await ingest(bytes, options(name));
      await openStudio(page);
      await page.setInputFiles('#studio-file', path);
      await expect(page.locator('[data-studio-status]')).toContainText(`已从“${name}”抽取`);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '保存为草稿' }).click();
      const zip = unzipSync(readFileSync(await (await download).path()));
      const text = (file: string) => (zip[file] ? strFromU8(zip[file]) : undefined);
      expect(text(`content/${cli.source!.path}`)).toBe(cli.source!.text);
      expect(zip[`seeds/${name}`]).toEqual(bytes);
      for (const c of cli.cases) {
        const draft = openCase(c.text);
        if ('error' in draft) throw new Error(draft.error);
        setDraft(draft, true);
        expect(text(`content/${c.path}`), c.path).toBe(fileText(draft));
      }
    });
  }
});

interface Edits {
  slug: string;
  accepted: string;
  rejected: string;
  figure: { label: string; quote: string };
  region: string;
}

const measureId = async (row: ReturnType<Page['locator']>) =>
  ((await row.locator('input[type=checkbox]').getAttribute('id')) ?? '').replace(/^m-/, '');

/** Takes a measure the draft did not propose (or adds one by typing its name), then drops a proposed one. */
async function reviewMeasures(page: Page, data: StudioData): Promise<{ accepted: string; rejected: string }> {
  const rows = page.locator('.studio-measure');
  const unchecked = rows.filter({ has: page.locator('input:not(:checked)') });
  let accepted: string;
  if (await unchecked.count()) {
    accepted = await measureId(unchecked.first());
    await unchecked.first().locator('input').check();
  } else {
    const taken = await rows.evaluateAll((els) => els.map((el) => el.querySelector('input')!.id.slice(2)));
    const measure = data.measures.find((m) => !taken.includes(m.id))!;
    await page.locator('#f-add-measure').fill(measure.name);
    await page.getByRole('option', { name: measure.name }).first().click();
    accepted = measure.id;
  }
  const proposed = rows.filter({ hasText: '建议采用' }).filter({ has: page.locator('input:checked') });
  let rejected = '';
  for (const row of await proposed.all()) {
    const id = await measureId(row);
    if (id === accepted) continue;
    rejected = id;
    await row.locator('input').uncheck();
    break;
  }
  expect(rejected).not.toBe('');
  // A figure tied to the dropped measure is tied to none now (else the build refuses it).
  const tied = page
    .locator('.studio-figure select[id$="-measure"]')
    .filter({ has: page.locator(`option[value="${rejected}"]:checked`) });
  while (await tied.count()) await tied.first().selectOption('');
  return { accepted, rejected };
}

/** Selects a number in the text that is not a figure yet and adds it; returns its label and quote. */
async function figureFromSelection(page: Page): Promise<{ label: string; quote: string }> {
  const tried: string[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const quotes = await page
      .locator('.studio-figure textarea[id$="-quote"]')
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
    const picked = await page.evaluate(
      ({ quotes, tried }) => {
        const number = /\d+(?:\.\d+)?(?:万|亿)?(?:个|所|人|名|%|亿元|万元|元|人次|间|门|项|家|场|次|节|天)/g;
        for (const words of document.querySelectorAll('.studio-source-p .studio-source-words')) {
          const node = words.firstChild;
          const text = node?.textContent ?? '';
          for (const m of text.matchAll(number)) {
            const key = `${m.index}:${text}`;
            if (!node || quotes.some((q) => q.includes(m[0])) || tried.includes(key)) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            getSelection()!.removeAllRanges();
            getSelection()!.addRange(range);
            return key;
          }
        }
        return undefined;
      },
      { quotes, tried },
    );
    expect(picked, 'a number in the text that is not a figure yet').toBeDefined();
    tried.push(picked!);
    const before = await page.locator('.studio-figure').count();
    await page.getByRole('button', { name: '添加为关键数字' }).click();
    await expect(page.locator('.studio-figure')).toHaveCount(before + 1);
    const added = page.locator('.studio-figure').last();
    const label = await added.locator('input[id$="-label"]').inputValue();
    const quote = await added.locator('textarea[id$="-quote"]').inputValue();
    const left = await problems(page);
    if (left.includes('检查通过')) return { label, quote };
    console.log(`not accepted: ${left}`);
    await added.locator('input[id$="-accept"]').uncheck();
  }
  throw new Error('no selected number made a figure the build accepts');
}

/** Types the enclosing place of the region the draft has (its name, or its pinyin) and takes it. */
async function fixRegion(page: Page, data: StudioData, pinyin: boolean): Promise<string> {
  const trail = ((await page.locator('#f-region-current').textContent()) ?? '').split('（')[0]!.split(' › ');
  const place = trail.length > 1 ? trail[trail.length - 2]! : trail[0]!;
  const division = [...data.divisions.provinces, ...data.divisions.cities].find((d) => d.name === place)!;
  const typed = pinyin ? data.divisionReadings[division.code]!.replace(/ /g, '') : place.replace(/[省市]$/, '');
  await page.locator('#f-region').fill(typed);
  await page
    .locator('.studio-option-label')
    .filter({ hasText: new RegExp(`${place}$`) })
    .first()
    .click();
  await expect(page.locator('#f-region-current')).toContainText(place);
  const code = /（(\d{6})）/.exec((await page.locator('#f-region-current').textContent()) ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

async function review(page: Page, data: StudioData, pinyin: boolean): Promise<Edits> {
  await expect(page.locator('.studio-review')).toBeVisible();
  const slug = /content\/cases\/([\w-]+)\.mdx/.exec(
    (await page.locator('#studio-draft-heading').textContent()) ?? '',
  )![1]!;
  const measures = await reviewMeasures(page, data);
  const figure = await figureFromSelection(page);
  const region = await fixRegion(page, data, pinyin);
  expect(await problems(page)).toContain('检查通过');
  return { slug, ...measures, figure, region };
}

async function saveZip(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存并发布' }).click();
  return readFileSync(await (await download).path());
}

test('an editor reviews a DOCX, a WeChat export and a PDF; the zips, unpacked into the site, build into exactly those pages', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await openStudio(page);
  const data = (await (await page.request.get('/studio/data.json')).json()) as StudioData;
  const edits: Edits[] = [];
  const zips: Buffer[] = [];

  await dropFile(page, fixture('guangdong-year-plan.docx'));
  edits.push(await review(page, data, false));
  zips.push(await saveZip(page));

  await openStudio(page);
  await page.setInputFiles('#studio-file', join(STUDIO, 'wechat-yuelu.md'));
  edits.push(await review(page, data, true));
  zips.push(await saveZip(page));

  await openStudio(page);
  await page.setInputFiles('#studio-file', join(STUDIO, 'county-report.pdf'));
  edits.push(await review(page, data, false));
  zips.push(await saveZip(page));

  const site = makeTempSite('casebook-studio-');
  try {
    for (const zip of zips) {
      for (const [name, data] of Object.entries(unzipSync(zip))) {
        // Paths are the casebook's own: content/cases/, content/sources/, seeds/, content/regions.yaml.
        expect(name).toMatch(/^(content\/(cases|sources)\/[^/]+|seeds\/[^/]+|content\/regions\.yaml)$/);
        mkdirSync(dirname(join(site, name)), { recursive: true });
        writeFileSync(join(site, name), data);
      }
    }
    const build = await buildSite(site);
    expect(build.status, build.output.slice(-3000)).toBe(0);
    for (const e of edits) {
      const { document } = parseHTML(readFileSync(join(site, 'dist/cases', e.slug, 'index.html'), 'utf8'));
      const chips = [...document.querySelectorAll('.measure-chips')[0]!.querySelectorAll('a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(chips).toContain(`/measures/${e.accepted}/`);
      expect(chips).not.toContain(`/measures/${e.rejected}/`);
      const cards = [...document.querySelectorAll('.figure-card')].map((c) => c.textContent ?? '');
      expect(cards.some((c) => c.includes(e.figure.label) && c.includes(e.figure.quote))).toBe(true);
      const region = [...document.querySelectorAll('header dl a')].map((a) => a.getAttribute('href'));
      expect(region).toContain(`/regions/${e.region}/`);
      // Published: no draft flag, no review notes left in the file.
      const file = readFileSync(join(site, 'content/cases', `${e.slug}.mdx`), 'utf8');
      expect(file).not.toMatch(/^draft:|Draft by `npm run ingest`/m);
    }
  } finally {
    removeTempSite(site);
  }
});

test.describe('saving into the casebook folder', () => {
  // The File System Access API with the browser's own private file system standing in for the
  // folder an editor picks (the picker is a native dialog): the same handles, reads and writes.
  const report = JSON.parse(readFileSync(fixture('guangdong-year-plan.expected.report.json'), 'utf8')) as {
    source: { path: string; file: string };
    cases: { path: string; title: string }[];
  };
  const curatedPath = `content/${report.cases[0]!.path}`;
  const curated = readFileSync(fixture('guangdong-year-plan.expected.mdx'), 'utf8')
    .replace(/^# .*\n/gm, '')
    .replace(/^draft: true\n/m, '');

  async function opfs(page: Page, action: 'write' | 'read', files: Record<string, string | number[]> | string[]) {
    return page.evaluate(
      async ({ action, files }) => {
        const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('casebook', { create: true });
        const at = async (path: string, create: boolean) => {
          const parts = path.split('/');
          let dir = root;
          for (const name of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(name, { create });
          return dir.getFileHandle(parts.at(-1)!, { create });
        };
        if (action === 'write') {
          for (const [path, content] of Object.entries(files as Record<string, string | number[]>)) {
            const writable = await (await at(path, true)).createWritable();
            await writable.write(typeof content === 'string' ? content : new Uint8Array(content));
            await writable.close();
          }
          return {};
        }
        const out: Record<string, string | null> = {};
        // A file missing, or being swapped in by the page at that moment, reads as null (polls ask again).
        for (const path of files as string[])
          out[path] = await at(path, false)
            .then((h) => h.getFile().then((f) => f.text()))
            .catch(() => null);
        return out;
      },
      { action, files },
    );
  }

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
        async () => (await navigator.storage.getDirectory()).getDirectoryHandle('casebook', { create: true });
    });
    await openStudio(page);
    await opfs(page, 'write', {
      'content/regions.yaml': readFileSync(join(projectRoot, 'content/regions.yaml'), 'utf8'),
      [curatedPath]: curated,
      [`content/${report.source.path}`]: readFileSync(fixture('guangdong-year-plan.expected.yaml'), 'utf8'),
      [report.source.file]: [...readFileSync(fixture('guangdong-year-plan.docx'))],
    });
    await page.getByRole('button', { name: '选择案例库文件夹' }).click();
    await expect(page.locator('[data-studio-where]')).toContainText('1个案例');
  });

  test('a new draft is written with its source, raw file and region lines; a changed file is replaced only when the editor says so', async ({
    page,
  }) => {
    await page.setInputFiles('#studio-file', join(STUDIO, 'wechat-yuelu.md'));
    const slug = /content\/cases\/([\w-]+)\.mdx/.exec(
      (await page.locator('#studio-draft-heading').textContent()) ?? '',
    )![1]!;
    const casePath = `content/cases/${slug}.mdx`;
    expect(await problems(page)).toContain('检查通过');
    // regions.yaml edited elsewhere after the folder was chosen: the save appends to that text.
    const regions = `${readFileSync(join(projectRoot, 'content/regions.yaml'), 'utf8')}# edited meanwhile\n`;
    await opfs(page, 'write', { 'content/regions.yaml': regions });
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect(page.locator('[data-studio-status]')).toContainText('已保存');
    const saved = await opfs(page, 'read', [casePath, 'seeds/wechat-yuelu.md', 'content/regions.yaml']);
    expect(saved[casePath]).toMatch(/^draft: true$/m);
    expect(saved['seeds/wechat-yuelu.md']).toBe(readFileSync(join(STUDIO, 'wechat-yuelu.md'), 'utf8'));
    expect(saved['content/regions.yaml']!.startsWith(regions)).toBe(true);
    expect(saved['content/regions.yaml']!.slice(regions.length)).toMatch(/^- 湖南省 长沙市 岳麓区$/m);

    // Saving again what this page wrote is not asked about.
    await page.locator('#f-title').fill('岳麓区扩优提质：办好家门口的学校');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect
      .poll(async () => (await opfs(page, 'read', [casePath]))[casePath])
      .toContain('title: 岳麓区扩优提质：办好家门口的学校');

    // Someone else changed the file meanwhile: the editor is asked, and “cancel” writes nothing.
    await opfs(page, 'write', { [casePath]: `${saved[casePath]}\n` });
    await page.locator('#f-title').fill('岳麓区：扩优提质');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    const dialog = page.getByRole('dialog', { name: '要覆盖这些文件吗？' });
    await expect(dialog).toContainText(casePath);
    await dialog.getByRole('button', { name: '取消，不保存' }).click();
    await expect(page.locator('[data-studio-status]')).toContainText('未保存');
    expect((await opfs(page, 'read', [casePath]))[casePath]).toBe(`${saved[casePath]}\n`);
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await dialog.getByRole('button', { name: '覆盖' }).click();
    await expect
      .poll(async () => (await opfs(page, 'read', [casePath]))[casePath])
      .toContain('title: 岳麓区：扩优提质');
  });

  test('a place the text names that the casebook lacks is the draft’s region, with the regions.yaml line it needs', async ({
    page,
  }) => {
    // A casebook that lists a city but not its districts.
    await opfs(page, 'write', { 'content/regions.yaml': '- 河南省\n- 河南省 郑州市\n' });
    await page.getByRole('button', { name: '选择案例库文件夹' }).click();
    await page.setInputFiles('#studio-file', join(STUDIO, 'zhongyuan-notice.txt'));
    await expect(page.locator('#f-region-current')).toContainText('河南省 › 郑州市 › 中原区（410102）');
    await expect(page.locator('#f-region-current')).toContainText('- 河南省 郑州市 中原区');
    expect(await problems(page)).toContain('检查通过');
  });

  test('an existing case is opened, edited and saved with every other line as it was; re-ingesting its raw file does not replace it unasked', async ({
    page,
  }) => {
    await page.locator('#studio-open-case').fill(report.cases[0]!.title.slice(0, 4));
    await page.getByRole('option').first().click();
    await expect(page.locator('#studio-draft-heading')).toContainText(curatedPath);
    await page
      .locator('#f-summary')
      .fill('福田区2025年基础教育工作要点：扩大优质学位供给，建强教师队伍，深化育人方式改革。');
    await page.getByRole('button', { name: '保存并发布' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '覆盖' }).click();
    await expect.poll(async () => (await opfs(page, 'read', [curatedPath]))[curatedPath]).not.toBe(curated);
    const after = (await opfs(page, 'read', [curatedPath]))[curatedPath]!;
    const changed = after.split('\n').filter((line, i) => line !== curated.split('\n')[i]);
    expect(changed).toEqual([
      'summary: 福田区2025年基础教育工作要点：扩大优质学位供给，建强教师队伍，深化育人方式改革。',
    ]);

    // The same raw file dropped again is recognised: its source and case names are reused, and the curated case is not replaced unasked.
    await dropFile(page, fixture('guangdong-year-plan.docx'));
    await expect(page.locator('[data-studio-status]')).toContainText('已从“guangdong-year-plan.docx”抽取');
    await expect(page.locator('#studio-draft-heading')).toContainText(curatedPath);
    await page.getByRole('button', { name: '保存为草稿' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('已审定的内容');
    await dialog.getByRole('button', { name: '取消，不保存' }).click();
    expect((await opfs(page, 'read', [curatedPath]))[curatedPath]).toBe(after);
  });
});

test('works offline once loaded: the readers are fetched while the page is idle', async ({ page, context }) => {
  await openStudio(page);
  await expect(page.locator('[data-studio]')).toHaveAttribute('data-studio-offline', 'ready', { timeout: 30_000 });
  await context.setOffline(true);
  // The Chinese CMaps a PDF whose font is not embedded needs were fetched ahead too.
  for (const path of [
    join(STUDIO, 'songti-notice.pdf'),
    join(STUDIO, 'county-report.pdf'),
    fixture('guangdong-year-plan.docx'),
    join(STUDIO, 'wechat-yuelu.md'),
  ]) {
    await page.setInputFiles('#studio-file', path);
    await expect(page.locator('[data-studio-status]')).toContainText(`已从“${path.split('/').pop()}”抽取`);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  expect(Object.keys(unzipSync(readFileSync(await (await download).path())))).toContain('seeds/wechat-yuelu.md');
});

test('a file chosen while the studio is still loading is opened once it has loaded; a drop never leaves the page', async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/studio/data.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/studio/');
  await expect(page.locator('[data-studio-start]')).toHaveAttribute('aria-busy', 'true');
  expect(await dropFile(page, join(STUDIO, 'wechat-yuelu.md'))).toBe(true);
  await page.setInputFiles('#studio-file', join(STUDIO, 'zhongyuan-notice.txt'));
  release();
  // Both are opened in the order they came; the last one is the one on screen.
  await expect(page.locator('[data-studio-status]')).toContainText('已从“zhongyuan-notice.txt”抽取');
  await expect(page.locator('.studio-review')).toBeVisible();
});

test('no other page loads anything of the studio', async ({ page }) => {
  const html = async (path: string) => (await (await page.request.get(path)).text()).match(/\/_astro\/[^"']+/g) ?? [];
  const home = new Set(await html('/'));
  // The studio's own: its script and stylesheet, and everything it fetches once loaded (data, worker, readers).
  const own = new Set((await html('/studio/')).filter((p) => !home.has(p)));
  page.on('request', (r) => own.add(new URL(r.url()).pathname));
  await openStudio(page);
  await page.setInputFiles('#studio-file', fixture('guangdong-year-plan.docx'));
  await expect(page.locator('.studio-review')).toBeVisible();
  for (const p of await html('/')) own.delete(p);
  // Vite's preload helper is shared by every bundle that imports code lazily (search, compare, the
  // studio), and the text chunk (Han characters, edit distances) by the search and the studio.
  for (const p of own) if (/^\/_astro\/(preload-helper|text)\.[\w-]+\.js$/.test(p)) own.delete(p);
  expect([...own].some((p) => p.startsWith('/_astro/'))).toBe(true);
  expect([...own]).toContain('/studio/data.json');

  const seen: string[] = [];
  const other = await page.context().newPage();
  other.on('request', (r) => seen.push(new URL(r.url()).pathname));
  for (const path of ['/', '/cases/', '/search/?q=县管校聘', '/measures/']) {
    await other.goto(path);
    await other.waitForLoadState('networkidle');
  }
  await other.keyboard.press('Control+k');
  await other.keyboard.type('学位');
  await other.waitForLoadState('networkidle');
  expect(seen.filter((p) => p.startsWith('/studio/') || (own.has(p) && p.startsWith('/_astro/')))).toEqual([]);
});

for (const [width, scheme] of [
  [1280, 'light'],
  [820, 'dark'],
] as const) {
  test(`studio with a document open has no WCAG 2.1 AA violations (${width} px, ${scheme})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.emulateMedia({ colorScheme: scheme });
    await openStudio(page);
    await page.setInputFiles('#studio-file', join(STUDIO, 'county-report.pdf'));
    await expect(page.locator('.studio-review')).toBeVisible();
    await page
      .locator('.studio-figure details')
      .first()
      .evaluate((d) => d.setAttribute('open', ''));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('keyboard only: reach the file picker, set the region by pinyin, add a figure from the text, save', async ({
  page,
}) => {
  await page.setViewportSize({ width: 820, height: 1000 });
  await openStudio(page);
  // Tab from the heading reaches the file picker, a native file input (Enter or Space opens the
  // system's picker, which is the operating system's own: the file is handed to it here).
  await page.locator('h1').click();
  for (let i = 0; i < 10 && !(await page.locator('#studio-file').evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(page.locator('#studio-file')).toBeFocused();
  await page.locator('#studio-file').setInputFiles(join(STUDIO, 'county-report.pdf'));
  await expect(page.locator('.studio-review')).toBeVisible();

  // fuzhou is 福州 (Fujian) and 抚州 (Jiangxi): the arrow keys go to the one meant.
  await page.locator('#f-region').focus();
  await page.keyboard.type('fuzhou');
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await page.locator('[role=option][aria-selected=true]').textContent())?.includes('江西省 › 抚州市')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('#f-region-current')).toContainText('江西省 › 抚州市');

  const before = await page.locator('.studio-figure').count();
  await page.locator('#f-add-figure').focus();
  await page.keyboard.type('1800');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.studio-figure')).toHaveCount(before + 1);
  await expect(page.locator('.studio-figure').last()).toContainText('1800');

  expect(await problems(page)).toContain('检查通过');
  await page.getByRole('button', { name: '保存为草稿' }).focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const zip = unzipSync(readFileSync(await (await download).path()));
  const drafted = Object.keys(zip).find((f) => f.startsWith('content/cases/'))!;
  expect(strFromU8(zip[drafted]!)).toMatch(/^draft: true$/m);
});
