/** Patterns of personal data that must not reach the logs, most specific first. */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(Bearer\s+)[\w.~+/=-]+/giu, '$1[token]'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/gu, '[email]'],
  // Mainland resident ID numbers: 17 digits and a check digit or X.
  [/(?<!\d)\d{17}[\dXx](?!\d)/gu, '[id-number]'],
  // Mainland mobile numbers, with or without +86 and separators.
  [/(?<!\d)(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/gu, '[phone]'],
  // Any other run of 7+ digits, single spaces or dashes allowed between them (landlines,
  // international numbers, card numbers); calendar dates are left alone.
  [/(?<![\d-])(?!\d{4}-\d{1,2}-\d{1,2}(?!\d))\+?\d(?:[\s-]?\d){6,}(?!\d)/gu, '[number]'],
];

/** Replaces bearer tokens, e-mail addresses, ID and phone numbers in free text. */
export function redactPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
