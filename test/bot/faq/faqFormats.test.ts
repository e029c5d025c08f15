import { expect } from 'chai';
import type { FaqEntry } from '../../../knowledge/faqEntry.js';
import { csvLine, parseDelimited } from '../../../bot/faq/csv.js';
import { derivedId, FAQ_FORMATS, formatExport, parseImport, type FaqFormat, type ParsedImport, type RowIssue } from '../../../bot/faq/faqFormats.js';

const CSV_HEADER = 'id,locale,question,alternates,answer,category';
const TSV_HEADER = 'Question\tAnswer\tSource\tMetadata\tQnaId';
const tsv = (...rows: string[][]): string => [TSV_HEADER, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';

function entriesOf(result: ParsedImport): FaqEntry[] {
  if (!result.ok) expect.fail(`expected the import to succeed, got: ${JSON.stringify(result.issues)}`);
  return result.entries;
}

function issuesOf(result: ParsedImport): RowIssue[] {
  if (result.ok) expect.fail(`expected the import to fail, got: ${JSON.stringify(result.entries)}`);
  return result.issues;
}

describe('parseDelimited', function () {
  const cases: Array<{ name: string; text: string; delimiter?: string; quoting?: boolean; rows: string[][] }> = [
    { name: 'splits lines and fields', text: 'a,b,c\n1,2,3\n', rows: [['a', 'b', 'c'], ['1', '2', '3']] },
    { name: 'accepts CRLF and a missing final line break', text: 'a,b\r\n1,2', rows: [['a', 'b'], ['1', '2']] },
    { name: 'keeps empty fields, also at the end of a line', text: 'a,,c\nx,\n', rows: [['a', '', 'c'], ['x', '']] },
    { name: 'keeps a comma inside quotes', text: '"a,b",c\n', rows: [['a,b', 'c']] },
    { name: 'turns doubled quotes into one', text: '"say ""hi""",x\n', rows: [['say "hi"', 'x']] },
    { name: 'keeps line breaks inside quotes', text: '"line 1\nline 2",x\r\ny,z\n', rows: [['line 1\nline 2', 'x'], ['y', 'z']] },
    { name: 'reads an empty quoted field', text: 'a,"",c\n', rows: [['a', '', 'c']] },
    { name: 'drops a leading byte order mark', text: '\uFEFFid,name\n1,x\n', rows: [['id', 'name'], ['1', 'x']] },
    { name: 'keeps blank lines as empty records, so record numbers match', text: '\na,b\n\n  \n1,2\n\n', rows: [[''], ['a', 'b'], [''], ['  '], ['1', '2'], ['']] },
    { name: 'returns no rows for empty text', text: '', rows: [] },
    { name: 'splits on tabs when asked', text: 'a\tb,c\n1\t2\n', delimiter: '\t', rows: [['a', 'b,c'], ['1', '2']] },
    {
      name: 'takes quotes literally without quoting',
      text: '"a\tsay "hi"\n',
      delimiter: '\t',
      quoting: false,
      rows: [['"a', 'say "hi"']],
    },
  ];
  for (const c of cases) {
    it(c.name, function () {
      expect(parseDelimited(c.text, c.delimiter, c.quoting)).to.deep.equal(c.rows);
    });
  }
});

describe('csvLine', function () {
  const cases: Array<{ name: string; fields: string[]; line: string }> = [
    { name: 'joins plain fields with commas', fields: ['a', 'b', '退货'], line: 'a,b,退货' },
    { name: 'keeps empty fields', fields: ['', 'x', ''], line: ',x,' },
    { name: 'quotes a field with a comma', fields: ['a,b', 'c'], line: '"a,b",c' },
    { name: 'quotes a field with a quote and doubles it', fields: ['say "hi"'], line: '"say ""hi"""' },
    { name: 'quotes a field with a line break', fields: ['1\n2', '3\r4'], line: '"1\n2","3\r4"' },
    { name: 'leaves a Chinese comma alone', fields: ['你好，世界'], line: '你好，世界' },
  ];
  for (const c of cases) {
    it(c.name, function () {
      expect(csvLine(c.fields)).to.equal(c.line);
    });
  }

  it('is read back by parseDelimited', function () {
    const fields = ['id-1', 'a,b', 'say "hi"', 'line 1\r\nline 2', '', '末尾'];
    expect(parseDelimited(csvLine(fields) + '\r\n')).to.deep.equal([fields]);
  });
});

describe('derivedId', function () {
  it('is stable, short and valid as an id', function () {
    const id = derivedId('zh-CN', '怎么退货');
    expect(id).to.match(/^faq-[0-9a-f]{12}$/u);
    expect(derivedId('zh-CN', '怎么退货')).to.equal(id);
  });

  it('ignores surrounding whitespace of the question', function () {
    expect(derivedId('zh-CN', '  怎么退货 ')).to.equal(derivedId('zh-CN', '怎么退货'));
  });

  it('differs by question and by locale', function () {
    expect(derivedId('zh-CN', '怎么退货')).not.to.equal(derivedId('zh-CN', '怎么换货'));
    expect(derivedId('en-US', 'Returns')).not.to.equal(derivedId('zh-CN', 'Returns'));
  });
});

describe('parseImport', function () {
  describe('accepts', function () {
    const cases: Array<{ name: string; format: FaqFormat; body: string; entries: FaqEntry[] }> = [
      {
        name: 'a JSON array of entries',
        format: 'json',
        body: JSON.stringify([
          { id: 'ship-1', locale: 'en-US', question: 'How long is shipping?', alternates: ['Delivery time?'], answer: '2-3 days.', category: 'shipping' },
          { id: 'return-1', locale: 'zh-CN', question: ' 怎么退货 ', answer: '七天无理由。', tags: ['售后'] },
        ]),
        entries: [
          { id: 'ship-1', locale: 'en-US', question: 'How long is shipping?', alternates: ['Delivery time?'], answer: '2-3 days.', category: 'shipping' },
          { id: 'return-1', locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由。', tags: ['售后'] },
        ],
      },
      {
        name: 'a JSON entry without an id, giving it a derived id',
        format: 'json',
        body: JSON.stringify([{ locale: 'zh-CN', question: '怎么退货', answer: '七天无理由。' }]),
        entries: [{ id: derivedId('zh-CN', '怎么退货'), locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由。' }],
      },
      {
        name: 'CSV with all columns, alternates split by |',
        format: 'csv',
        body: `${CSV_HEADER}\nship-1,en-US,How long is shipping?, Delivery time? | When will it arrive? ||,2-3 days.,shipping\nreturn-1,zh-CN,怎么退货,,七天无理由。,\n`,
        entries: [
          {
            id: 'ship-1',
            locale: 'en-US',
            question: 'How long is shipping?',
            alternates: ['Delivery time?', 'When will it arrive?'],
            answer: '2-3 days.',
            category: 'shipping',
          },
          { id: 'return-1', locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由。' },
        ],
      },
      {
        name: 'CSV with quoted commas, doubled quotes and line breaks',
        format: 'csv',
        body: `${CSV_HEADER}\r\npay-1,en-US,"Cards, Alipay or WeChat?","Can I pay by card?|""Pay later""?","Yes, all three.\r\nSee ""Payment"".",payments\r\n`,
        entries: [
          {
            id: 'pay-1',
            locale: 'en-US',
            question: 'Cards, Alipay or WeChat?',
            alternates: ['Can I pay by card?', '"Pay later"?'],
            answer: 'Yes, all three.\r\nSee "Payment".',
            category: 'payments',
          },
        ],
      },
      {
        name: 'CSV starting with a byte order mark (as Excel saves it)',
        format: 'csv',
        body: `\uFEFF${CSV_HEADER}\nreturn-1,zh-CN,怎么退货,,七天无理由。,售后\n`,
        entries: [{ id: 'return-1', locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由。', category: '售后' }],
      },
      {
        name: 'CSV with columns in another order and case, an unknown column and tags',
        format: 'csv',
        body: 'Answer,Question,Notes,Locale,Alternates,Tags\n七天无理由。,怎么退货,ignore me,zh-CN,可以退货吗,售后|退货\n',
        entries: [
          {
            id: derivedId('zh-CN', '怎么退货'),
            locale: 'zh-CN',
            question: '怎么退货',
            alternates: ['可以退货吗'],
            answer: '七天无理由。',
            tags: ['售后', '退货'],
          },
        ],
      },
      {
        name: 'CSV without an id column, giving each entry a derived id',
        format: 'csv',
        body: 'locale,question,alternates,answer\nzh-CN,怎么退货,,七天无理由。\nen-US,How long is shipping?,,2-3 days.\n',
        entries: [
          { id: derivedId('zh-CN', '怎么退货'), locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由。' },
          { id: derivedId('en-US', 'How long is shipping?'), locale: 'en-US', question: 'How long is shipping?', alternates: [], answer: '2-3 days.' },
        ],
      },
      {
        name: 'QnA Maker TSV, merging rows that share a QnaId and reading their metadata',
        format: 'qna-tsv',
        body: tsv(
          ['How long is shipping?', '2-3 days.', 'Editorial', 'category:shipping|locale:en-us', '7'],
          ['Delivery time?', '2-3 days.', 'Editorial', 'category:shipping|locale:en-us', '7'],
          ['When will it arrive?', '2-3 days.', 'Editorial', 'category:shipping|locale:en-us', '7'],
          ['Can I return it?', 'Yes.', 'Editorial', 'locale:zh-cn', '8'],
        ),
        entries: [
          {
            id: 'qna-7',
            locale: 'en-US',
            question: 'How long is shipping?',
            alternates: ['Delivery time?', 'When will it arrive?'],
            answer: '2-3 days.',
            category: 'shipping',
          },
          { id: 'qna-8', locale: 'zh-CN', question: 'Can I return it?', alternates: [], answer: 'Yes.' },
        ],
      },
      {
        name: 'QnA Maker TSV, turning \\n in answers into line breaks',
        format: 'qna-tsv',
        body: tsv(['How do I return?', 'Step 1: open the order.\\nStep 2: press "Return".', 'Editorial', '', '1']),
        entries: [{ id: 'qna-1', locale: 'en-US', question: 'How do I return?', alternates: [], answer: 'Step 1: open the order.\nStep 2: press "Return".' }],
      },
      {
        name: 'QnA Maker TSV without metadata, detecting the locale from the text',
        format: 'qna-tsv',
        body: tsv(['怎么退货', '七天无理由', 'Editorial', '', '1'], ['What payment methods?', 'Cards and Alipay.', 'Editorial', '', '2'], ['iPhone 保修多久', 'One year.', 'Editorial', '', '3']),
        entries: [
          { id: 'qna-1', locale: 'zh-CN', question: '怎么退货', alternates: [], answer: '七天无理由' },
          { id: 'qna-2', locale: 'en-US', question: 'What payment methods?', alternates: [], answer: 'Cards and Alipay.' },
          { id: 'qna-3', locale: 'zh-CN', question: 'iPhone 保修多久', alternates: [], answer: 'One year.' },
        ],
      },
      {
        name: 'QnA Maker TSV with the full set of columns and an id in the metadata',
        format: 'qna-tsv',
        body:
          'Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\r\n' +
          '怎么退货\t七天无理由\tEditorial\tid:return-1|category:售后\t[]\tfalse\t[]\t12\r\n' +
          '可以退货吗\t七天无理由\tEditorial\tid:return-1|category:售后\t[]\tfalse\t[]\t12\r\n',
        entries: [{ id: 'return-1', locale: 'zh-CN', question: '怎么退货', alternates: ['可以退货吗'], answer: '七天无理由', category: '售后' }],
      },
      {
        name: 'QnA Maker TSV without a QnaId column, merging rows with the same answer',
        format: 'qna-tsv',
        body: 'Question\tAnswer\n怎么退货\t七天无理由\n可以退货吗\t七天无理由\n怎么付款\t支付宝\n',
        entries: [
          { id: derivedId('zh-CN', '怎么退货'), locale: 'zh-CN', question: '怎么退货', alternates: ['可以退货吗'], answer: '七天无理由' },
          { id: derivedId('zh-CN', '怎么付款'), locale: 'zh-CN', question: '怎么付款', alternates: [], answer: '支付宝' },
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, function () {
        expect(entriesOf(parseImport(c.format, c.body))).to.deep.equal(c.entries);
      });
    }

    it('derives the same id for the same question in different files, so a re-import updates', function () {
      const first = entriesOf(parseImport('csv', 'locale,question,alternates,answer\nzh-CN,怎么退货,,旧的回答\n'));
      const second = entriesOf(parseImport('csv', 'locale,question,alternates,answer\nen-US,Shipping?,,2 days\nzh-CN, 怎么退货 ,可以退货吗,新的回答\n'));
      expect(second[1]!.id).to.equal(first[0]!.id);
      expect(second[0]!.id).not.to.equal(first[0]!.id);
    });
  });

  describe('rejects', function () {
    const cases: Array<{ name: string; format: FaqFormat; body: string; issues: RowIssue[] }> = [
      {
        name: 'a CSV row with an empty answer, naming row and field (header is row 1)',
        format: 'csv',
        body: `${CSV_HEADER}\na1,zh-CN,怎么退货,,七天无理由,\na2,zh-CN,怎么换货,,,\n`,
        issues: [{ row: 3, field: 'answer', message: 'must not be empty' }],
      },
      {
        name: 'a CSV row with a bad locale',
        format: 'csv',
        body: `${CSV_HEADER}\na1,fr-FR,Bonjour,,Salut,\n`,
        issues: [{ row: 2, field: 'locale', message: 'must be one of zh-CN, en-US' }],
      },
      {
        name: 'a CSV row with a missing locale and question, naming each field',
        format: 'csv',
        body: `${CSV_HEADER}\na1,,,,An answer,\n`,
        issues: [
          { row: 2, field: 'locale', message: 'must be one of zh-CN, en-US' },
          { row: 2, field: 'question', message: 'must not be empty' },
        ],
      },
      {
        name: 'a CSV row with an invalid id',
        format: 'csv',
        body: `${CSV_HEADER}\nbad id!,zh-CN,怎么退货,,七天无理由,\n`,
        issues: [{ row: 2, field: 'id', message: 'may contain only letters, digits and . _ : -' }],
      },
      {
        name: 'CSV rows with the same id, naming both rows',
        format: 'csv',
        body: `${CSV_HEADER}\na1,zh-CN,怎么退货,,七天无理由,\na2,zh-CN,怎么换货,,联系客服,\na1,zh-CN,怎么付款,,支付宝,\n`,
        issues: [{ row: 4, field: 'id', message: 'duplicates the id of row 2' }],
      },
      {
        name: 'CSV rows without ids whose questions are the same',
        format: 'csv',
        body: 'locale,question,alternates,answer\nzh-CN,怎么退货,,七天无理由\nzh-CN,怎么退货,,联系客服\n',
        issues: [{ row: 3, field: 'id', message: 'duplicates the id of row 2' }],
      },
      {
        name: 'a JSON entry with a bad locale, counting entries from 1',
        format: 'json',
        body: JSON.stringify([
          { id: 'a1', locale: 'zh-CN', question: '怎么退货', answer: '七天无理由' },
          { id: 'a2', locale: 'zh', question: '怎么换货', answer: '联系客服' },
        ]),
        issues: [{ row: 2, field: 'locale', message: 'must be one of zh-CN, en-US' }],
      },
      {
        name: 'JSON entries with the same id',
        format: 'json',
        body: JSON.stringify([
          { id: 'a1', locale: 'zh-CN', question: '怎么退货', answer: '七天无理由' },
          { id: 'a1', locale: 'zh-CN', question: '怎么换货', answer: '联系客服' },
        ]),
        issues: [{ row: 2, field: 'id', message: 'duplicates the id of row 1' }],
      },
      {
        name: 'a QnA Maker TSV row with an empty answer',
        format: 'qna-tsv',
        body: tsv(['怎么退货', '七天无理由', 'Editorial', '', '1'], ['How long is shipping?', '', 'Editorial', '', '2']),
        issues: [{ row: 3, field: 'answer', message: 'must not be empty' }],
      },
      {
        name: 'a QnA Maker TSV row with an unsupported locale in its metadata',
        format: 'qna-tsv',
        body: tsv(['Bonjour', 'Salut', 'Editorial', 'locale:fr-fr', '1']),
        issues: [{ row: 2, field: 'locale', message: 'must be one of zh-CN, en-US' }],
      },
      {
        name: 'JSON that does not parse',
        format: 'json',
        body: '[{"id": ',
        issues: [{ row: 0, field: '(file)', message: 'is not valid JSON' }],
      },
      {
        name: 'JSON that is not an array',
        format: 'json',
        body: '{"id":"a1"}',
        issues: [{ row: 0, field: '(file)', message: 'must be a JSON array of entries' }],
      },
      {
        name: 'an empty JSON array',
        format: 'json',
        body: '[]',
        issues: [{ row: 0, field: '(file)', message: 'contains no entries' }],
      },
      {
        name: 'a CSV file with only a header',
        format: 'csv',
        body: `${CSV_HEADER}\r\n`,
        issues: [{ row: 0, field: '(file)', message: 'contains no entries' }],
      },
      {
        name: 'a CSV file lacking required columns',
        format: 'csv',
        body: 'id,question,answer\na1,怎么退货,七天无理由\n',
        issues: [{ row: 0, field: '(file)', message: 'header row lacks column(s): locale, alternates' }],
      },
      {
        name: 'a TSV file without Question and Answer columns',
        format: 'qna-tsv',
        body: 'Q\tA\nx\ty\n',
        issues: [{ row: 0, field: '(file)', message: 'header row must have Question and Answer columns (QnA Maker TSV export)' }],
      },
      {
        name: 'a QnA Maker TSV file with only a header',
        format: 'qna-tsv',
        body: `${TSV_HEADER}\n`,
        issues: [{ row: 0, field: '(file)', message: 'contains no entries' }],
      },
    ];
    for (const c of cases) {
      it(c.name, function () {
        expect(issuesOf(parseImport(c.format, c.body))).to.deep.equal(c.issues);
      });
    }

    for (const format of FAQ_FORMATS) {
      it(`an empty ${format} file`, function () {
        const issues = issuesOf(parseImport(format, ''));
        expect(issues).to.have.lengthOf(1);
        expect(issues[0]).to.include({ row: 0, field: '(file)' });
      });
    }

    it('the whole import when one row of many is bad, listing every bad row', function () {
      const result = parseImport('csv', `${CSV_HEADER}\na1,zh-CN,怎么退货,,七天无理由,\na2,xx,怎么换货,,联系客服,\na3,zh-CN,怎么付款,,支付宝,\na4,zh-CN,,,运费,\n`);
      expect(result).not.to.have.property('entries');
      expect(issuesOf(result).map((i) => [i.row, i.field])).to.deep.equal([
        [3, 'locale'],
        [5, 'question'],
      ]);
    });
  });
});

describe('formatExport then parseImport', function () {
  const entries: FaqEntry[] = [
    {
      id: 'ship-1',
      locale: 'en-US',
      question: 'How long is shipping?',
      alternates: ['Delivery time?', 'When will it arrive?'],
      answer: 'Usually 2-3 days.',
      category: 'shipping',
    },
    {
      id: 'return-1',
      locale: 'zh-CN',
      question: '怎么退货？',
      alternates: ['可以退货吗'],
      answer: '支持7天无理由退货, 请在"我的订单"中申请。\n运费由买家承担。',
      category: '售后',
    },
    {
      id: 'pay:cards',
      locale: 'en-US',
      question: 'Which payment methods do you take?',
      alternates: [],
      answer: 'Alipay, WeChat Pay and cards.',
    },
  ];

  for (const format of FAQ_FORMATS) {
    it(`gives back the same entries for ${format}`, function () {
      const exported = formatExport(format, entries);
      expect(entriesOf(parseImport(format, exported))).to.deep.equal(entries);
    });
  }

  for (const format of ['json', 'csv'] as const) {
    it(`keeps tags for ${format}`, function () {
      const tagged: FaqEntry[] = [{ ...entries[1]!, tags: ['退货', 'after-sales'] }, entries[2]!];
      expect(entriesOf(parseImport(format, formatExport(format, tagged)))).to.deep.equal(tagged);
    });
  }

  it('writes CSV with the documented header and quotes the Chinese answer', function () {
    const lines = formatExport('csv', entries).split('\r\n');
    expect(lines[0]).to.equal('id,locale,question,alternates,answer,category,tags');
    expect(lines[1]).to.equal('ship-1,en-US,How long is shipping?,Delivery time?|When will it arrive?,Usually 2-3 days.,shipping,');
    expect(lines[2]).to.equal('return-1,zh-CN,怎么退货？,可以退货吗,"支持7天无理由退货, 请在""我的订单""中申请。\n运费由买家承担。",售后,');
  });

  it('writes QnA Maker TSV with one row per question, sharing a QnaId, and \\n for line breaks', function () {
    const lines = formatExport('qna-tsv', entries).trimEnd().split('\r\n');
    expect(lines[0]).to.equal(TSV_HEADER);
    expect(lines).to.have.lengthOf(1 + 3 + 2 + 1);
    expect(lines[1]).to.equal('How long is shipping?\tUsually 2-3 days.\tEditorial\tlocale:en-us|category:shipping|id:ship-1\t1');
    expect(lines[2]!.split('\t')[4]).to.equal('1');
    expect(lines[4]).to.equal('怎么退货？\t支持7天无理由退货, 请在"我的订单"中申请。\\n运费由买家承担。\tEditorial\tlocale:zh-cn|category:售后|id:return-1\t2');
    expect(lines[6]).to.equal('Which payment methods do you take?\tAlipay, WeChat Pay and cards.\tEditorial\tlocale:en-us|id:pay:cards\t3');
  });

  it('exports an empty list as a file that imports as "no entries"', function () {
    for (const format of FAQ_FORMATS) {
      expect(issuesOf(parseImport(format, formatExport(format, [])))).to.deep.equal([{ row: 0, field: '(file)', message: 'contains no entries' }]);
    }
  });
});

describe('parseImport edge cases found in review', function () {
  it('counts blank lines when naming the row of a bad record', function () {
    const csv = 'id,locale,question,alternates,answer,category\n\nok-1,zh-CN,问,,答,\n\nbad-1,zh-CN,问二,,,\n';
    const result = parseImport('csv', csv);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]).to.include({ row: 5, field: 'answer' });
  });

  it('fails on a quote that is never closed instead of swallowing the rows after it', function () {
    const csv = 'id,locale,question,alternates,answer,category\na,zh-CN,"问,,答,\nb,zh-CN,问二,,答二,\n';
    const result = parseImport('csv', csv);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]!.message).to.match(/never closed/u);
  });

  it('round-trips a literal backslash-n and a line break through qna-tsv', function () {
    const entry = { id: 'p-1', locale: 'en-US' as const, question: 'Path?', alternates: [], answer: 'Use C:\\new\\folder\nthen restart.' };
    const result = parseImport('qna-tsv', formatExport('qna-tsv', [entry]));
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.entries[0]!.answer).to.equal(entry.answer);
  });
});
