/**
 * The legislative history of a regulation or a government rule, as printed under its title:
 * `1985年6月13日 浙江省第六届人民代表大会常务委员会第三次会议通过 …`, `（2016年5月9日省政府
 * 第80次常务会议审议通过 2016年5月20日浙江省人民政府令第344号公布 自2016年7月1日起施行）`.
 * Each dated event names an organ and what it did; the text in force is the one of the latest
 * event (通过, 修正, 修订, 批准, 公布 — 施行 only says from when it applies), and the enacting
 * body is the organ that passed it (a city's regulation is passed by the city and only
 * approved by the province).
 */

export type HistoryAction = '通过' | '修正' | '修订' | '批准' | '公布' | '发布' | '印发' | '施行' | '废止';

export interface HistoryEvent {
  /** YYYY-MM-DD as printed. */
  date: string;
  action: HistoryAction;
  /** The organ as printed, without its term and session (`浙江省人民代表大会常务委员会`); '' when none is named. */
  organ: string;
  /** The event's text as printed. */
  text: string;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const ACTIONS = /(通过|修正|修订|批准|公布|发布|印发|施行|废止)/g;
/** The organs that enact, approve or publish regulations and rules. */
const ORGAN = /人民代表大会|人大常委会|人民政府|政府|常务会议|委员会|国务院|部(?=令|务会议)/;

const pad = (n: string) => n.padStart(2, '0');

/**
 * The organ of an event: what stands between its date and the meeting, the order number or
 * the verb, without the term (`第十三届`) and the session (`第五次会议`).
 */
function organOf(text: string): string {
  const head = text
    .replace(/^\s*[（(]?\s*/, '')
    .split(/第[一二三四五六七八九十百零〇\d]+次|令第|关于|《|审议|通过|修正|修订|批准|公布|发布|印发|施行|根据/)[0]!;
  const organ = head.replace(/第[一二三四五六七八九十百零〇\d]+届/g, '').replace(/\s+/g, '');
  // `自2016年7月1日起施行` names no organ; a clause of prose is not one either.
  return ORGAN.test(organ) && organ.length <= 30 && !/[，,。；;：:]/.test(organ) ? organ : '';
}

/** The dated events of one history line; empty when the line is not one. */
export function historyEvents(line: string): HistoryEvent[] {
  const t = line.trim();
  if (t.length > 600 || !/^[（(]?\s*\d{4}\s*年/.test(t) || !ORGAN.test(t)) return [];
  const dates = [...t.matchAll(DATE)];
  const events: HistoryEvent[] = [];
  dates.forEach((m, k) => {
    const text = t.slice(m.index, dates[k + 1]?.index ?? t.length);
    const actions = [...text.matchAll(ACTIONS)].map((a) => a[1] as HistoryAction);
    // The verb that ends the event: `…《关于修改〈…条例〉的决定》第二次修正`.
    const action = actions.at(-1);
    if (!action) return;
    events.push({
      date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`,
      action,
      organ: organOf(text.slice(m[0].length)),
      text: text.replace(/[）)]?\s*(根据|自)?\s*$/, '').trim(),
    });
  });
  // Every date of a history line is an event of a named organ (only `自…起施行` names none):
  // a line of prose with a date in it is not one.
  const named = events.every((e) => e.organ || e.action === '施行');
  return events.length === dates.length && named ? events : [];
}

export interface History {
  events: HistoryEvent[];
  /** The date of the text in force: the latest event that made or changed it. */
  inForce?: HistoryEvent;
  /** The event that enacted it (the first 通过, else the first event). */
  enacted?: HistoryEvent;
}

/** The history of a document from its history lines, in printed order. */
export function readHistory(lines: readonly string[]): History {
  const events = lines.flatMap(historyEvents);
  const making = events.filter((e) => e.action !== '施行' && e.action !== '废止');
  const inForce = [...making].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const enacted = events.find((e) => e.action === '通过' && e.organ) ?? events.find((e) => e.organ);
  return { events, ...(inForce && { inForce }), ...(enacted && { enacted }) };
}

/** How the history reads in a case's date note: 现行文本 … （沿革：…）. */
export function historyNote(history: History): string | undefined {
  const { inForce, events } = history;
  if (!inForce) return undefined;
  const zh = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return `${y}年${m}月${day}日`;
  };
  const steps = events.map((e) => `${zh(e.date)}${e.action}`).join('；');
  return `日期取现行文本的${zh(inForce.date)}${inForce.action}（沿革：${steps}）。`;
}
