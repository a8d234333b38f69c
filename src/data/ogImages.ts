/**
 * Share images of the cases, rendered while the build writes them: a few images ahead of the one
 * being written are rendered in parallel on libuv's threads, so both cores work and memory stays
 * bounded however many cases there are.
 */
import { availableParallelism } from 'node:os';
import { ogSvg, type OgCard } from '../lib/og/card.ts';
import { ogFonts } from '../lib/og/fonts.ts';
import { renderPng } from '../lib/og/render.ts';
import { figureText } from '../lib/model/figures.ts';
import { t } from '../i18n/index.ts';
import type { CaseView } from './casebook.ts';

function caseCard(view: CaseView): OgCard {
  return {
    siteName: t('site.name'),
    title: view.data.title,
    subtitle: `${view.region.data.path.join('')} · ${view.dateText}`,
    // The editor lists the key figures in order of weight: the first two.
    figures: view.data.figures.slice(0, 2).map((f) => ({ value: figureText(f), label: f.label })),
  };
}

function caseSvg(view: CaseView): string {
  return ogSvg(caseCard(view), ogFonts());
}

const AHEAD = Math.max(2, availableParallelism()) * 2;
let order: CaseView[] = [];
const position = new Map<string, number>();
const pending = new Map<string, Promise<Buffer>>();

/** The cases in the order their images will be asked for (the route's static paths). */
export function planOgImages(views: CaseView[]): void {
  order = views;
  position.clear();
  views.forEach((v, i) => position.set(v.id, i));
}

export async function caseOgPng(view: CaseView): Promise<Buffer> {
  const at = position.get(view.id);
  const upcoming = at === undefined ? [view] : order.slice(at, at + AHEAD);
  for (const v of upcoming) if (!pending.has(v.id)) pending.set(v.id, renderPng(caseSvg(v)));
  const png = pending.get(view.id) ?? renderPng(caseSvg(view));
  pending.delete(view.id);
  return png;
}
