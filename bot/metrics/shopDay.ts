/** The offset of a time zone from UTC at a moment, in milliseconds (east positive). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** The first millisecond of a shop-local calendar day (`YYYY-MM-DD`) in a time zone. */
export function startOfShopDay(date: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!m) throw new Error(`startOfShopDay: "${date}" is not YYYY-MM-DD`);
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two passes settle days on which the offset changes (daylight saving).
  let at = naive - offsetAt(naive, timeZone);
  at = naive - offsetAt(at, timeZone);
  return at;
}
