import { MongoNetworkError, MongoServerError } from 'mongodb';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { errorResponses } from '../../adapters/http/error-responses.js';

/** What the error handler answers for an error thrown by a route. */
function answerFor(error: unknown): { status: number; body: { error: { code: string } } } {
  const answer = { status: 0, body: null as unknown as { error: { code: string } } };
  const res = {
    headersSent: false,
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: { error: { code: string } }) {
      answer.body = body;
      return this;
    },
  };
  errorResponses(pino({ level: 'silent' }))(error, { path: '/api/v1/bots/demo/messages' } as never, res as never, () => undefined);
  return answer;
}

describe('a database that cannot serve a request now', () => {
  it('answers 503 storage_unavailable, for the client to retry: unreachable, or answering that it cannot serve now', () => {
    expect(answerFor(new MongoNetworkError('connection 7 to 127.0.0.1:27017 closed'))).toMatchObject({ status: 503, body: { error: { code: 'storage_unavailable' } } });
    for (const code of [1, 91, 11600]) {
      expect(answerFor(new MongoServerError({ ok: 0, code, errmsg: 'cannot serve now' }))).toMatchObject({ status: 503, body: { error: { code: 'storage_unavailable' } } });
    }
  });

  it('keeps other database refusals as our own error (500), not a reason to retry', () => {
    expect(answerFor(new MongoServerError({ ok: 0, code: 2, errmsg: 'BadValue' }))).toMatchObject({ status: 500, body: { error: { code: 'internal' } } });
  });
});
