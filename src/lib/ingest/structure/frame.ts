/**
 * The frame around a document's text, read from the text's own structure before its blocks are
 * sorted into head and body: an information table or an export header (信息索引, 发文机关,
 * 成文日期, 北大法宝's 【法宝引证码】 …), a document number under the title (`（苏政办发〔2016〕75号）`),
 * a regulation's history lines, a repeat of the title, the closing signature block (the bodies
 * that issue it and its date), and the attachments and blank forms after the text. All of it is
 * metadata for the source record and the case's front matter, never body text, and every block
 * taken out is named in the report.
 */
import type { DivisionDataset } from '../../model/regions.ts';
import { readHistory, type History } from './history.ts';
import { isBodyName } from './orgs.ts';
import { toSimplified } from './simplified.ts';
import type { Block, Removed } from './structure.ts';
import { headingByForm } from './structure.ts';
import { chineseDate } from '../../text/numerals.ts';

export interface Frame {
  /** `label → value` of information tables and export headers, as printed. */
  fields: Map<string, string>;
  /** 发文字号, as printed (`苏政办发〔2016〕75号`). */
  docNumber?: string;
  history: History;
  /** The closing signature: the bodies in the order they sign, and the date under them. */
  signature?: { bodies: string[]; date?: string; dateText?: string; line: number };
  /** Names of the attachments the document lists or carries. */
  attachments: string[];
  /** The outlet a closing promotion names (`请加入成为X的月费订户`, `关注X公众号`), as printed. */
  outlet?: string;
  removed: Removed[];
}

/** Labels of information tables (government sites) and law-database exports. */
const FIELD_LABELS = [
  '索引号',
  '主题分类',
  '主题词',
  '体裁分类',
  '组配分类',
  '服务对象分类',
  '信息索引',
  '信息分类',
  '信息类别',
  '信息名称',
  '所属机构',
  '发文机关',
  '发布机关',
  '发布机构',
  '发布部门',
  '制定机关',
  '发文单位',
  '成文日期',
  '发文日期',
  '发文字号',
  '文号',
  '文件编号',
  '发布日期',
  '公布日期',
  '生成日期',
  '生效日期',
  '实施日期',
  '施行日期',
  '废止日期',
  '时效性',
  '效力级别',
  '有效性',
  '法规类别',
  '公开方式',
  '公开范围',
  '公开时限',
  '法宝引证码',
  '原文链接',
  '标题',
  '名称',
];
/** Labels that also start body lines (`标题：`); they count only next to another label. */
const WEAK_LABELS = new Set(['标题', '名称', '文号']);
const LABEL_ALT = FIELD_LABELS.sort((a, b) => b.length - a.length).join('|');
const FIELD = new RegExp(`[【\\[]?(${LABEL_ALT})[】\\]]?\\s*[:：]?\\s*`, 'g');
const LEADING_FIELD = new RegExp(`^[【\\[]?(${LABEL_ALT})(?:[】\\]]|\\s*[:：])`);
const LONE_LABEL = new RegExp(`^[【\\[]?(${LABEL_ALT})[】\\]]?\\s*[:：]?$`);

/** The `label: value` pairs of one block, or undefined when the block is not an information line. */
export function fieldsOf(text: string): { label: string; value: string }[] | undefined {
  const t = text.trim();
  if (t.length > 400 || !LEADING_FIELD.test(t)) return undefined;
  const found = [...t.matchAll(FIELD)].filter(
    (m) => m.index === 0 || /^[【[]/.test(m[0]) || /[\s】\]|｜]/.test(t[m.index - 1]!),
  );
  const pairs = found.map((m, k) => ({
    label: m[1]!,
    value: t
      .slice(m.index + m[0].length, found[k + 1]?.index ?? t.length)
      .replace(/[\s|｜]+$/, '')
      .trim(),
  }));
  if (pairs.length === 1 && (WEAK_LABELS.has(pairs[0]!.label) || /[。！？]$/.test(t))) return undefined;
  return pairs;
}

/** A history line is a list of events, not prose: no comma or full stop outside its book titles. */
const HISTORY_LINE = /^[^，。；《]*(《[^》]*》[^，。；《]*)*$/;
/** A repost's lead-in to the document it carries (`…，具体内容如下↓↓↓`): not the document's text. */
const REPOST_LEAD = /(具体内容|全文|原文|详情)如下$/;
const DOC_NUMBER =
  /^[（(]?\s*([\p{Script=Han}]{1,24}\s*[〔[［【﹝(（]\s*\d{4}\s*[〕\]］】﹞)）]\s*\d{1,4}\s*号)\s*[）)]?$/u;

/** `（苏政办发〔2016〕75号）` → `苏政办发〔2016〕75号`. */
export function docNumberOf(text: string): string | undefined {
  return DOC_NUMBER.exec(text.trim())?.[1]?.replace(/\s+/g, '');
}

/** A date line under a signature: `2016年7月11日`, `二〇一六年七月十一日`, `2016-07-11`. */
function dateLine(text: string): { date: string; text: string } | undefined {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t) ?? /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return { date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, text: t };
  const zh = chineseDate(t);
  return zh && zh.text === t ? { date: zh.date, text: t } : undefined;
}

/** Lines after a signature that are part of it: `（此件公开发布）`, `（联系人：…）`. */
const SIGNATURE_NOTE = /^[（(](此件|本件|联系人|联系电话|此文|信息公开)[^（）()]*[）)]$/;
const ATTACHMENT_START = /^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：．.、]?/;
const FILE_NAME = /\.(docx?|xlsx?|wps|et|pdf|zip|rar|ofd)\s*[）)]?$/i;
/** Blank forms: lines to fill in, check boxes, or the labels of an application form. */
const FORM_LINE = /[_＿]{3,}|□.{0,6}□|（\s*盖章\s*）|（\s*签字\s*）|年\s{2,}月\s{2,}日/;
const FORM_LABELS =
  /姓名|性别|出生年月|民族|职务|职称|身份证|联系电话|手机|单位名称|填表人|填报人|审核人|负责人签字|盖章/g;

function isForm(text: string): boolean {
  return FORM_LINE.test(text) || (text.match(FORM_LABELS)?.length ?? 0) >= 3;
}

/** An outlet's closing promotion: subscribe, follow, support us (read in simplified characters). */
const PROMO =
  /(加入|成为|关注|订阅|支持|赞赏|打赏|扫码).{0,24}(订户|会员|读者|粉丝|公众号|视频号|我们的工作)|(订户|会员)\s*网址|^(长按|扫描|识别).{0,10}二维码/;
const OUTLET =
  /(?:加入成为|成为|关注|订阅)(?:了)?[“「《]?([^，。,“”「」《》的]{2,12}?)[”」》]?(?:的)?(?:月费|年费)?(?:订户|会员|读者|粉丝|公众号)/;

/** The closing promotion of an outlet after the text: its blocks and the outlet it names. */
function closingPromo(blocks: readonly Block[]): { taken: Taken[]; outlet?: string } {
  const taken: Taken[] = [];
  let outlet: string | undefined;
  for (let k = blocks.length - 1; k >= 0 && blocks.length - k <= 6; k--) {
    if (blocks[k]!.text.length > 160) break;
    const simple = toSimplified(blocks[k]!.text);
    if (!PROMO.test(simple)) break;
    taken.push({ index: k, kind: 'chrome' });
    const m = OUTLET.exec(simple);
    if (m) outlet = blocks[k]!.text.slice(m.index + m[0].indexOf(m[1]!), m.index + m[0].indexOf(m[1]!) + m[1]!.length);
  }
  return { taken, ...(outlet && { outlet }) };
}

/** Splits a signature line into the bodies it names (`浙江省教育厅 浙江省财政厅`). */
function signatureBodies(text: string, data: DivisionDataset): string[] | undefined {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  return parts.length && parts.every((p) => isBodyName(p, data)) ? parts : undefined;
}

interface Taken {
  index: number;
  kind: Removed['kind'];
}

/**
 * The signature block that closes the text: a date line (`2016年7月11日`, `二〇一六年七月十一日`)
 * under the bodies that sign (one per line, or several on a line), then perhaps a note
 * (`（此件公开发布）`); what follows it is attachments or nothing. Found from the first date
 * line after which only such lines, attachments and forms stand.
 */
function closingSignature(blocks: readonly Block[], data: DivisionDataset) {
  for (let d = 0; d < blocks.length; d++) {
    const date = blocks[d]!.kind !== 'text' || blocks[d]!.text.length <= 20 ? dateLine(blocks[d]!.text) : undefined;
    if (!date) continue;
    let after = d + 1;
    // A note (（此件公开发布）) and a distribution footer (抄送：…, 印发) may follow the date.
    while (after < blocks.length && (SIGNATURE_NOTE.test(blocks[after]!.text) || blocks[after]!.kind === 'chrome'))
      after++;
    if (after < blocks.length && !ATTACHMENT_START.test(blocks[after]!.text)) continue;
    const taken: Taken[] = [];
    for (let k = d; k < after; k++) if (blocks[k]!.kind !== 'chrome') taken.push({ index: k, kind: 'signature' });
    const bodies: string[] = [];
    for (let k = d - 1; k >= 0 && blocks[k]!.kind !== 'text' && bodies.length < 8; k--) {
      const names = signatureBodies(blocks[k]!.text, data);
      if (!names) break;
      bodies.unshift(...names);
      taken.push({ index: k, kind: 'signature' });
    }
    const first = Math.min(...taken.map((t) => t.index));
    return { bodies, date: date.date, dateText: date.text, line: blocks[first]!.line, taken, first, after };
  }
  return undefined;
}

/** Where the attachments after the text start (an `附件1` heading after the last paragraph), or blocks.length. */
function attachmentsStart(blocks: readonly Block[], from: number): number {
  const lastText = blocks.findLastIndex((b) => b.kind === 'text' && !isForm(b.text) && !ATTACHMENT_START.test(b.text));
  for (let k = from; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (!ATTACHMENT_START.test(b.text) || b.text.length > 60) continue;
    // After the signature, after the last paragraph, or followed only by forms and short lines.
    const rest = blocks.slice(k + 1);
    if (
      from > 0 ||
      k > lastText ||
      rest.every((r) => r.kind !== 'text' || isForm(r.text) || ATTACHMENT_START.test(r.text))
    )
      return k;
  }
  return blocks.length;
}

/** The attachment list in the text (`附件：1.申报表`, `2.汇总表`), right before the signature or the end. */
function attachmentList(blocks: readonly Block[], end: number): Taken[] {
  const taken: Taken[] = [];
  for (let k = end - 1; k >= 0; k--) {
    const t = blocks[k]!.text;
    if (FILE_NAME.test(t)) taken.push({ index: k, kind: 'attachment' });
    else if (ATTACHMENT_START.test(t) && t.length <= 80) {
      taken.push({ index: k, kind: 'attachment' });
      break;
    } else if (blocks[k]!.kind !== 'text' && /^\d{1,2}[.．、]/.test(t) && t.length <= 60)
      taken.push({ index: k, kind: 'attachment' });
    else return [];
  }
  return taken;
}

type Take = (index: number, kind: Removed['kind']) => void;

/** Information lines anywhere; a label alone on its line takes the next line as its value. */
function informationFields(blocks: readonly Block[], take: Take): Map<string, string> {
  const fields = new Map<string, string>();
  blocks.forEach((b, k) => {
    if (b.kind === 'text' && b.text.length > 120) return;
    const lone = LONE_LABEL.exec(b.text.trim());
    const next = blocks[k + 1];
    if (lone && next && next.kind !== 'text' && !LEADING_FIELD.test(next.text)) {
      fields.set(lone[1]!, next.text.trim());
      take(k, 'docinfo');
      take(k + 1, 'docinfo');
      return;
    }
    const pairs = fieldsOf(b.text);
    if (!pairs) return;
    for (const p of pairs) if (p.value && !fields.has(p.label)) fields.set(p.label, p.value);
    take(k, 'docinfo');
  });
  return fields;
}

/** The head: a document number, history lines, a repeated title and a repost's lead-in before the text. */
function frameHead(blocks: readonly Block[], taken: ReadonlyMap<number, unknown>, take: Take) {
  const titles = blocks.filter((b) => b.heading === 1).map((b) => squash(b.text));
  const historyLines: string[] = [];
  let docNumber: string | undefined;
  for (let k = 0, texts = 0; k < blocks.length && texts < 6; k++) {
    const b = blocks[k]!;
    if (taken.has(k) || b.heading === 1) continue;
    if (headingByForm(b.text)) break;
    const number = docNumberOf(b.text);
    const history = texts === 0 && b.text.length <= 600 && HISTORY_LINE.test(b.text);
    if (number) {
      docNumber ??= number;
      take(k, 'docinfo');
    } else if (history && readHistory([b.text]).events.length) {
      historyLines.push(b.text);
      take(k, 'history');
    } else if (titles.includes(squash(b.text))) take(k, 'repeat');
    else if (b.kind === 'text' && texts === 0 && REPOST_LEAD.test(b.text)) take(k, 'editor-note');
    else if (b.kind === 'text') texts++;
  }
  return { docNumber, history: readHistory(historyLines) };
}

/** The tail: an outlet's promotion, attachments and forms after the text, the signature, the attachment list. */
function frameTail(blocks: readonly Block[], data: DivisionDataset, taken: ReadonlyMap<number, unknown>, take: Take) {
  const promo = closingPromo(blocks);
  for (const t of promo.taken) take(t.index, t.kind);
  const signature = closingSignature(blocks, data);
  const start = Math.min(attachmentsStart(blocks, signature?.after ?? 0), ...promo.taken.map((t) => t.index));
  const attachments: string[] = [];
  for (let k = start; k < blocks.length; k++) {
    const b = blocks[k]!;
    const name = b.text.replace(ATTACHMENT_START, '').trim();
    if (ATTACHMENT_START.test(b.text)) attachments.push(name || (blocks[k + 1]?.text.trim() ?? ''));
    take(k, isForm(b.text) ? 'form' : 'attachment');
  }
  let end = start;
  while (end > 0 && taken.has(end - 1)) end--;
  for (const t of signature?.taken ?? []) take(t.index, t.kind);
  for (const t of attachmentList(blocks, signature?.first ?? end)) {
    take(t.index, t.kind);
    attachments.push(blocks[t.index]!.text.replace(ATTACHMENT_START, '').trim());
  }
  return { signature, attachments, outlet: promo.outlet };
}

/** The frame of a document and its blocks without it. */
export function readFrame(blocks: readonly Block[], data: DivisionDataset): { frame: Frame; rest: Block[] } {
  const taken = new Map<number, Removed['kind']>();
  const take: Take = (index, kind) => void (taken.has(index) || taken.set(index, kind));
  const fields = informationFields(blocks, take);
  const head = frameHead(blocks, taken, take);
  const docNumber = head.docNumber ?? fields.get('发文字号') ?? fields.get('文号') ?? fields.get('文件编号');
  const { signature, attachments, outlet } = frameTail(blocks, data, taken, take);
  // Blank forms inside the text (a table to fill in).
  blocks.forEach((b, k) => isForm(b.text) && b.text.length <= 300 && take(k, 'form'));

  const removed: Removed[] = [...taken].map(([k, kind]) => ({ kind, text: blocks[k]!.text, line: blocks[k]!.line }));
  const frame: Frame = {
    fields,
    ...(docNumber && { docNumber }),
    history: head.history,
    ...(signature && {
      signature: {
        bodies: signature.bodies,
        ...(signature.date && { date: signature.date, dateText: signature.dateText }),
        line: signature.line,
      },
    }),
    attachments: [...new Set(attachments.filter(Boolean))],
    ...(outlet && { outlet }),
    removed: removed.sort((a, b) => a.line - b.line),
  };
  return { frame, rest: blocks.filter((_, k) => !taken.has(k)) };
}

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');
