import { describe, expect, it } from 'vitest';
import { describeError, loggerOptions } from './logging.js';

describe('log format (issue 10, defect 20)', () => {
  it('is readable lines at a terminal and JSON lines otherwise', () => {
    expect(loggerOptions('info', { pretty: true })).toMatchObject({ transport: { target: 'pino-pretty' } });
    expect(loggerOptions('info', { pretty: false })).not.toHaveProperty('transport');
  });
});

describe('describeError (issue 10, defect 6)', () => {
  it('keeps the class, the codes and the frames of an error and its cause, never a message, detail or parameters', () => {
    const cause = Object.assign(new Error('value too long for "my secret words"'), {
      code: '22001',
      table: 'posts',
      detail: 'Key (body)=(my secret words)',
    });
    const error = Object.assign(
      new Error('Failed query: insert into posts\nparams: my secret words,0b6c…,true\n    at fake (secret words)'),
      { cause, params: ['my secret words'], query: 'insert' },
    );
    const described = JSON.stringify(describeError(error));
    expect(described).not.toMatch(/secret|params|Failed query|Key \(/);
    expect(describeError(error)).toMatchObject({
      type: 'Error',
      cause: { type: 'Error', code: '22001', table: 'posts' },
    });
    expect(describeError(error).frames?.[0]).toMatch(/^at /);
  });
});
