/**
 * The day of this build in China Standard Time (YYYY-MM-DD): the access date (引用日期) of the
 * casebook's own pages in citations. SOURCE_DATE_EPOCH (seconds) pins it for reproducible builds.
 */
export function buildDate(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(when);
}
