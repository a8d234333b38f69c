/**
 * Export noise in blocks of any format: decorative emoji and bullet symbols, the buttons and
 * prompts a WeChat or site exporter leaves as text (`阅读原文`, `预览时标签不可点`), and CSS
 * that leaked out of a `<style>`. Blocks are cleaned, or dropped with a reason for the report.
 */
import type { DocBlock } from './blocks.ts';

/** Emoji and pictographs (not ©, ®, ™), their variation selectors and keycap marks. */
const EMOJI = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}|[\ufe0e\ufe0f\u20e3]|[\u{1f3fb}-\u{1f3ff}]/gu;
/** Bullet symbols that open a list line. */
const LEADING_BULLET = /^[\s•●○◆◇■□▪▫▶►▷➤➢✔✓√★☆※◎◉◈♦❖➜→⇒]+/u;

/** Arrows that point at what follows (`具体内容如下↓↓↓`): decoration at the end of a line or in a run. */
const POINTING = /[\u2190-\u21ff\u2b05-\u2b07]{2,}|[\u2190-\u21ff\u2b05-\u2b07]+\s*$/gu;

/** A line without its decorative emoji, pointing arrows and leading bullet symbols. */
export function stripDecorations(text: string): string {
  return text.replace(EMOJI, '').replace(POINTING, '').replace(LEADING_BULLET, '').trim();
}

/** Prompts and buttons of WeChat and site exports, as whole lines. */
const EXPORT_PROMPT = new RegExp(
  '^(' +
    [
      '点击(上方|蓝字|下方).{0,20}',
      '(长按|扫码|扫描).{0,10}(关注|识别|二维码).{0,20}',
      '关注我们',
      '阅读原文',
      '在看',
      '(点个|点一下|点亮|点|戳)[“"‘]?(在看|赞)[”"’]?[^，,。；;]{0,12}',
      '[“"]?(分享|点赞|在看|收藏|转发)[”"]?([\\s、，,|丨/]*[“"]?(分享|点赞|在看|收藏|转发)[”"]?)+.{0,8}',
      '点赞',
      '分享',
      '收藏',
      '写留言',
      '留言',
      '赞',
      '轻点两下取消(赞|在看)',
      '预览时标签不可点',
      '微信扫一扫.{0,20}',
      '(继续|向上)滑动看下一个',
      '知道了',
      '使用完整服务',
      '视频|音频|小程序',
      '(图片|图文|素材|视频)来源[:：].{0,30}',
      '[-—–~ ]*(END|THE END|完)[-—–~ ]*',
      '(往期|精彩)(推荐|回顾)[:：]?',
    ].join('|') +
    ')$',
  'i',
);

/** A whole line that is an exporter's prompt or button. */
export function isExportPrompt(text: string): boolean {
  return text.length <= 40 && EXPORT_PROMPT.test(text.trim());
}

/** CSS that leaked into the text: `.rich_media{color:#333}`, `p { margin: 0 }`, `@media …`. */
export function isCssText(text: string): boolean {
  const t = text.trim();
  return (
    /^@(media|import|font-face|keyframes)\b/i.test(t) || /^[\w.#*:>\-\s,[\]="'()]{1,200}\{[^{}]*[:;][^{}]*\}/.test(t)
  );
}

export interface NoiseRemoved {
  text: string;
  line: number;
  why: 'export prompt' | 'css' | 'decoration';
}

/** Cleans every block of decorations; drops prompts, CSS and blocks that were only decoration. */
export function dropNoise(blocks: readonly DocBlock[]): { blocks: DocBlock[]; removed: NoiseRemoved[] } {
  const out: DocBlock[] = [];
  const removed: NoiseRemoved[] = [];
  for (const b of blocks) {
    if (b.kind === 'image') {
      out.push(b);
      continue;
    }
    const lines = b.text.split('\n').map(stripDecorations);
    const kept = lines.filter((l) => l && !isExportPrompt(l) && !isCssText(l));
    for (const l of lines) {
      if (l && isExportPrompt(l)) removed.push({ text: l, line: b.line, why: 'export prompt' });
      else if (l && isCssText(l)) removed.push({ text: l, line: b.line, why: 'css' });
    }
    if (!kept.length) {
      if (b.text.trim() && lines.every((l) => !l))
        removed.push({ text: b.text.trim(), line: b.line, why: 'decoration' });
      continue;
    }
    out.push({ ...b, text: kept.join('\n') });
  }
  return { blocks: out, removed };
}
