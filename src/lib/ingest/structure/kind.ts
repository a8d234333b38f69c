/**
 * What kind of document a text is, told by its own structure, and where that kind says its
 * issuing or reporting body and its date are:
 * - a regulation (条例/办法/规定 in 第X条, with its history lines): the enacting body as printed
 *   (a city's regulation is passed by the city, the province only approves it) and the date of
 *   the text in force;
 * - a notice (通知/意见/方案 with a document number, a salutation, a signature block): the bodies
 *   that sign it, lead first, and the date under them;
 * - a news report (a reporter's byline, reported speech): the bureau the story is about, and only
 *   when the text names none, the outlet;
 * - a WeChat article or a web page: the bureau the text names before the account or the site;
 * - a bulletin (简报) and anything else: as the masthead and the text say.
 */
import type { DocumentMeta, DocFormat } from './blocks.ts';
import { metadataDate } from './dating.ts';
import { historyNote } from './history.ts';
import type { DocumentHead } from './metadata.ts';
import type { DocStructure } from './structure.ts';

export type DocKind = 'regulation' | 'notice' | 'news' | 'wechat' | 'webpage' | 'bulletin';

export interface DocKindInfo {
  kind: DocKind;
  /** Bodies that issue the document, as printed, lead first, and where they were read. */
  issuers: string[];
  issuedFrom?: string;
  /** The document's own date as printed in it, and where it was read. */
  date?: { value: string; from: string; note?: string };
  /** Its numbers are rules and requirements (a regulation, a notice that prescribes), not results. */
  prescriptive?: boolean;
  /** 发文字号, as printed. */
  docNumber?: string;
}

const REGULATION_TITLE = /(条例|办法|规定|规则|细则|章程|实施意见)(（[^（）]*）)?$/;
const NOTICE_TITLE =
  /(通知|意见|方案|决定|通报|公告|通告|批复|函|计划|规划|要点|指南|指引|办法|细则|规定|标准|纪要)(（[^（）]*）)?$/;
/** Notices that prescribe (通知, 意见, 方案 …) rather than report (通报). */
const PRESCRIPTIVE = /(通知|意见|方案|办法|规定|细则|标准|指南|指引|计划|规划|要点)(（[^（）]*）)?$/;
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条/;
/** A notice's addressees before its text: `各市、县（市、区）人民政府，省各委办厅局：`. */
const SALUTATION = /^各[^。！？]{1,80}[：:]$/;
const REPORTED = /(表示|指出|介绍|认为|称|回应|透露|强调|说)[，,：:“「]/g;

function issuerFromTitle(title: string): string | undefined {
  const m = /^(.{3,60}?)关于/.exec(title);
  return m ? m[1]!.trim() : undefined;
}

/** The kind of a document, from its frame, title and head. */
export function documentKind(
  doc: DocStructure,
  head: DocumentHead,
  meta: DocumentMeta,
  format: DocFormat,
  simplify: (text: string) => string = (t) => t,
): DocKindInfo {
  const { frame } = doc;
  const title = simplify(head.title.replace(/\s+/g, ''));
  const items = doc.sections.flatMap((s) => s.items);
  const paragraphs = items.filter((i) => i.kind === 'paragraph').map((i) => simplify(i.text));
  const articles = items.filter((i) => ARTICLE.test(i.text)).length;

  if (frame.history.events.length || (REGULATION_TITLE.test(title) && articles >= 3)) return regulation(doc, head);
  const signed = !!frame.signature?.bodies.length;
  const salutation = paragraphs.slice(0, 2).some((p) => SALUTATION.test(p));
  if (frame.docNumber || signed || (NOTICE_TITLE.test(title) && (salutation || !!frame.signature))) {
    const fields = frame.fields;
    const issuers = frame.signature?.bodies.length
      ? frame.signature.bodies
      : [fields.get('发文机关') ?? fields.get('发布机构') ?? fields.get('发布机关') ?? issuerFromTitle(title)].filter(
          (s): s is string => !!s,
        );
    const field = fields.get('成文日期') ?? fields.get('发文日期');
    const dated = frame.signature?.date ?? (field ? metadataDate(field) : undefined);
    return {
      kind: 'notice',
      prescriptive: PRESCRIPTIVE.test(title),
      ...(frame.docNumber && { docNumber: frame.docNumber }),
      issuers: issuers.flatMap((s) => s.split(/[\s、，,]+/)).filter(Boolean),
      ...(issuers.length && { issuedFrom: frame.signature?.bodies.length ? 'the signature block' : 'the document' }),
      ...(dated && {
        date: { value: dated, from: frame.signature?.date ? 'the signature block' : 'the information table' },
      }),
    };
  }
  const reported = paragraphs.join('\n').match(REPORTED)?.length ?? 0;
  const byline =
    doc.bylines.some((b) => /记者|通讯员/.test(simplify(b.role))) || /记者|通讯员/.test(simplify(meta.author ?? ''));
  if (byline || head.masthead.kind === '报纸' || (reported >= 3 && format !== 'text'))
    return { kind: 'news', issuers: [] };
  if (format === 'markdown' && (meta.publication || /mp\.weixin\.qq\.com/.test(meta.url ?? '')))
    return { kind: 'wechat', issuers: [] };
  if (format === 'html') return { kind: 'webpage', issuers: [] };
  return { kind: 'bulletin', issuers: [] };
}

function regulation(doc: DocStructure, head: DocumentHead): DocKindInfo {
  const { history, fields } = doc.frame;
  // A law database names the enacting body `福建省人大(含常委会)`: its standing committee.
  const listed = (fields.get('制定机关') ?? fields.get('发布部门'))?.replace(/人大[（(]含常委会[)）]$/, '人大常委会');
  const organ = history.enacted?.organ ?? listed;
  const inForce = history.inForce;
  const field = fields.get('公布日期') ?? fields.get('发布日期');
  const published = field ? metadataDate(field) : undefined;
  const note = historyNote(history);
  return {
    kind: 'regulation',
    prescriptive: true,
    ...(doc.frame.docNumber && { docNumber: doc.frame.docNumber }),
    issuers: organ ? [organ] : issuerFromTitle(head.title) ? [issuerFromTitle(head.title)!] : [],
    ...(organ && { issuedFrom: history.enacted ? 'the history line' : 'the information table' }),
    ...(inForce
      ? { date: { value: inForce.date, from: 'the history line of the text in force', ...(note && { note }) } }
      : published && { date: { value: published, from: 'the information table' } }),
  };
}
