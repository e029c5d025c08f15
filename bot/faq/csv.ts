/**
 * RFC 4180 CSV (and, with a tab delimiter and no quoting, TSV): rows of fields. Quoted fields
 * may hold the delimiter, doubled quotes and line breaks. Blank lines come back as `['']`
 * so that record numbers match what a person counts; an unclosed quote is an error.
 */
export function parseDelimited(text: string, delimiter = ',', quoting = true): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/u, '');
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (quoting && ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new Error(`has a quote opened in record ${rows.length + 1} that is never closed`);
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Whether a parsed record is empty (a blank line). */
export const isBlankRecord = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '');

/** One CSV line; fields with a comma, quote or line break are quoted. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/u.test(f) ? `"${f.replace(/"/gu, '""')}"` : f)).join(',');
}
