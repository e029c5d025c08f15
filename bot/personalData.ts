/** Patterns of personal data that must not reach the logs. */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/gu, '[email]'],
  // Mainland mobile numbers, with or without +86 and separators.
  [/(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/gu, '[phone]'],
  // Any other run of 7+ digits with optional separators (landlines, international numbers).
  [/\+?\d[\d\s-]{6,}\d/gu, '[number]'],
  [/\b(Bearer\s+)[\w.~+/=-]+/giu, '$1[token]'],
];

/** Replaces e-mail addresses, phone numbers and bearer tokens in free text. */
export function redactPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
