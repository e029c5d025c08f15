/** Opening hours like "09:00-24:00" in an IANA time zone. */
export interface ServiceHours {
  readonly open: number;
  readonly close: number;
  readonly timeZone: string;
}

/** Parses "HH:MM-HH:MM" (24:00 allowed as the end); throws naming the input when malformed. */
export function parseServiceHours(spec: string, timeZone: string): ServiceHours {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/u.exec(spec.trim());
  if (!m) throw new Error(`parseServiceHours: "${spec}" is not HH:MM-HH:MM`);
  const [open, close] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
  if (open >= close || close > 24 * 60) throw new Error(`parseServiceHours: "${spec}" must open before it closes, within one day`);
  new Intl.DateTimeFormat('en', { timeZone }); // throws RangeError on an unknown zone
  return { open, close, timeZone };
}

/** Whether people are on duty at `at`. */
const clocks = new Map<string, Intl.DateTimeFormat>();

export function isWithinHours(hours: ServiceHours, at: Date): boolean {
  // Building a formatter costs far more than using one; this runs on every customer message.
  let clock = clocks.get(hours.timeZone);
  if (!clock) clocks.set(hours.timeZone, (clock = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = clock.formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const minutes = get('hour') * 60 + get('minute');
  return minutes >= hours.open && minutes < hours.close;
}
