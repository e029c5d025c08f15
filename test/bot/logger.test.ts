import { expect } from 'chai';
import type { Logger } from 'pino';
import { createLogger } from '../../bot/logger.js';
import { redactPersonalData } from '../../bot/personalData.js';

type LogRecord = Record<string, unknown>;

/** A logger writing to memory; `records()` parses every line written so far. */
function capture(level = 'info'): { logger: Logger; chunks: string[]; records: () => LogRecord[] } {
  const chunks: string[] = [];
  const logger = createLogger(level, {
    write(s: string) {
      chunks.push(s);
    },
  });
  const records = (): LogRecord[] => {
    const lines = chunks.join('').split('\n');
    expect(lines.pop(), 'output ends with a line break').to.equal('');
    return lines.map((l) => JSON.parse(l) as LogRecord);
  };
  return { logger, chunks, records };
}

/** Logs once and returns the single record written. */
function logOne(write: (logger: Logger) => void): LogRecord {
  const { logger, records } = capture();
  write(logger);
  const all = records();
  expect(all).to.have.lengthOf(1);
  return all[0]!;
}

const FORGED = '\r\n{"level":60,"msg":"forged"}\n';

describe('createLogger', function () {
  it('writes one JSON line per event, with level, service and message', function () {
    const { logger, chunks, records } = capture();
    logger.info('first');
    logger.warn({ orderId: 'A-1' }, 'second');
    expect(chunks).to.have.lengthOf(2);
    for (const chunk of chunks) expect(chunk).to.match(/^\{[^\n]*\}\n$/u);
    const [first, second] = records();
    expect(first).to.include({ level: 30, service: 'shop-service-bot', msg: 'first' });
    expect(second).to.include({ level: 40, service: 'shop-service-bot', msg: 'second', orderId: 'A-1' });
  });

  it('drops events below its level', function () {
    const { logger, records } = capture('warn');
    logger.info('hidden');
    logger.debug('hidden too');
    logger.error('shown');
    expect(records().map((r) => r.msg)).to.deep.equal(['shown']);
  });

  it('keeps CR/LF in a message inside one JSON line, so no line can be forged', function () {
    const { logger, chunks, records } = capture();
    logger.info(`customer said${FORGED}`);
    expect(chunks).to.have.lengthOf(1);
    expect(chunks[0]!.indexOf('\n')).to.equal(chunks[0]!.length - 1);
    expect(chunks[0]).not.to.contain('\r');
    const all = records();
    expect(all).to.have.lengthOf(1);
    expect(all[0]).to.include({ level: 30, msg: `customer said${FORGED}` });
  });

  it('keeps CR/LF in a field (top-level or nested) inside one JSON line', function () {
    const { logger, chunks, records } = capture();
    logger.info({ text: FORGED, activity: { text: FORGED, lines: [FORGED] } }, 'incoming');
    expect(chunks).to.have.lengthOf(1);
    expect(chunks[0]!.split('\n')).to.have.lengthOf(2);
    const [record] = records();
    expect(record).to.deep.include({ level: 30, text: FORGED, activity: { text: FORGED, lines: [FORGED] } });
  });

  it('redacts phone numbers, e-mail addresses and bearer tokens in the message', function () {
    const record = logOne((l) => l.info('call 13812345678 or +86 138-1234-5678, mail li.lei+shop@example.com.cn, Bearer abc.def'));
    expect(record.msg).to.equal('call [phone] or [phone], mail [email], Bearer [token]');
  });

  it('redacts personal data in printf-style arguments', function () {
    const record = logOne((l) => l.info('customer %s wrote from %s', '13812345678', 'a@b.cn'));
    expect(record.msg).to.equal('customer [phone] wrote from [email]');
  });

  it('redacts personal data in nested object fields and arrays', function () {
    const record = logOne((l) =>
      l.info(
        {
          text: 'my number is 13812345678',
          activity: { from: { name: 'li.lei@example.com' }, text: '+86 138-1234-5678', history: ['Bearer abc.def', 'ok'] },
          count: 13812345678,
        },
        'incoming',
      ),
    );
    expect(record).to.deep.include({
      text: 'my number is [phone]',
      activity: { from: { name: '[email]' }, text: '[phone]', history: ['Bearer [token]', 'ok'] },
    });
    // Only text is redacted: a number field is not a phone number written by a person.
    expect(record.count).to.equal(13812345678);
  });

  it('shows secret fields as "[redacted]" whatever they contain', function () {
    const record = logOne((l) =>
      l.info(
        {
          authorization: 'Basic dXNlcjpwYXNz',
          headers: { authorization: 'Bearer abc.def', accept: 'application/json' },
          req: { headers: { authorization: 'Bearer xyz', cookie: 'sid=1' }, url: '/api/messages' },
          token: 'adm_0123456789abcdef',
          password: 'hunter2',
          admin: { token: 'agt_0123456789abcdef', password: 'p', secret: 's' },
        },
        'request',
      ),
    );
    expect(record).to.deep.include({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', accept: 'application/json' },
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' }, url: '/api/messages' },
      token: '[redacted]',
      password: '[redacted]',
      admin: { token: '[redacted]', password: '[redacted]', secret: '[redacted]' },
    });
  });

  it('leaves ordinary text alone', function () {
    const text = '订单 2024 已发货，支持7天无理由退货，order A-1024 costs ¥1,299.00, 3 items, token bucket';
    const record = logOne((l) => l.info({ note: text }, text));
    expect(record.msg).to.equal(text);
    expect(record.note).to.equal(text);
  });

  it('redacts in child loggers too, and keeps the child bindings', function () {
    const { logger, records } = capture();
    logger.child({ module: 'faq' }).info({ phone: '13812345678' }, 'reached 13812345678');
    const [record] = records();
    expect(record).to.include({ module: 'faq', phone: '[phone]', msg: 'reached [phone]' });
  });
});

describe('createLogger with errors and child loggers', function () {
  it('redacts personal data in error messages and stacks', function () {
    const record = logOne((l) => l.error({ err: new Error('customer 13812345678 failed') }, 'turn failed'));
    const err = record.err as { message: string; stack: string };
    expect(err.message).to.equal('customer [phone] failed');
    expect(err.stack).to.not.contain('13812345678');
  });

  it('redacts personal data in deeply nested objects logged through a child logger', function () {
    const { logger, records } = capture();
    logger.child({ module: 'test' }).info({ a: { b: { c: { d: { e: { f: '13812345678', g: 'li@example.com' } } } } } }, 'deep');
    const line = JSON.stringify(records()[0]);
    expect(line).to.contain('"module":"test"');
    expect(line).to.not.contain('li@example.com');
    expect(line).to.not.contain('13812345678');
  });
});

describe('redactPersonalData', function () {
  const cases: Array<{ name: string; input: string; expected: string }> = [
    { name: 'a bare mobile number', input: '13812345678', expected: '[phone]' },
    { name: 'a mobile number in a sentence', input: '我的手机是13812345678谢谢', expected: '我的手机是[phone]谢谢' },
    { name: 'a mobile number with +86 and dashes', input: '+86 138-1234-5678', expected: '[phone]' },
    { name: 'a mobile number with 86 and spaces', input: 'tel: 86 138 1234 5678.', expected: 'tel: [phone].' },
    { name: 'a mobile number with +86 and no separator', input: '+8613912345678', expected: '[phone]' },
    { name: 'a landline with area code', input: '电话 010-12345678', expected: '电话 [number]' },
    { name: 'an international number', input: 'call +44 20 7946 0958', expected: 'call [number]' },
    { name: 'an e-mail address', input: 'write to li.lei+orders@mail.example.com.', expected: 'write to [email].' },
    { name: 'several e-mail addresses', input: 'a@b.cn, c_d@e-f.org', expected: '[email], [email]' },
    { name: 'a bearer token', input: 'Authorization: Bearer abc.def', expected: 'Authorization: Bearer [token]' },
    { name: 'a JWT bearer token, any case', input: 'bearer eyJhbGciOi.eyJzdWIi.c2ln-_x', expected: 'bearer [token]' },
    { name: 'an order number in Chinese', input: '订单 2024', expected: '订单 2024' },
    { name: 'a returns policy', input: '7天无理由退货', expected: '7天无理由退货' },
    { name: 'a short number', input: 'order 123456 and 2 items', expected: 'order 123456 and 2 items' },
    { name: 'a price', input: '¥1,299.00', expected: '¥1,299.00' },
    { name: 'the word token without Bearer', input: 'token abc.def', expected: 'token abc.def' },
    { name: 'an at sign without a domain', input: '@客服 在吗', expected: '@客服 在吗' },
    { name: 'empty text', input: '', expected: '' },
    { name: 'a 7-digit local number', input: 'call 5551234 now', expected: 'call [number] now' },
    { name: 'a resident ID number', input: '身份证110101199003074514', expected: '身份证[id-number]' },
    { name: 'a numeric bearer token whole', input: 'Bearer 12345678abc', expected: 'Bearer [token]' },
    { name: 'a date and time', input: 'at 2024-06-15 10:30', expected: 'at 2024-06-15 10:30' },
  ];
  for (const c of cases) {
    it(`${c.expected === c.input ? 'leaves' : 'redacts'} ${c.name}`, function () {
      expect(redactPersonalData(c.input)).to.equal(c.expected);
    });
  }
});
