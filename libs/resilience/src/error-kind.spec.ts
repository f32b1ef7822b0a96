import { DatabaseError } from 'pg-protocol';
import { QueryFailedError } from 'typeorm';
import { DeadlineExceededError, withDeadline } from './deadline';
import { errorKind } from './error-kind';

function pgError(code: string, message = 'failed'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
}

describe('errorKind', () => {
  it.each([
    ['08006', 'connection_failure'],
    ['08001', 'sqlclient_unable_to_establish_sqlconnection'],
    ['57P01', 'admin_shutdown'],
    ['57P03', 'cannot_connect_now'],
    ['57014', 'query_canceled (statement timeout)'],
    ['53300', 'too_many_connections'],
    ['40001', 'serialization_failure'],
    ['40P01', 'deadlock_detected'],
    ['55P03', 'lock_not_available'],
  ])('PostgreSQL %s (%s) is unavailable: retry', (code) => {
    expect(errorKind(pgError(code))).toBe('unavailable');
    expect(errorKind(new QueryFailedError('INSERT …', [], pgError(code)))).toBe('unavailable');
  });

  it.each([
    ['22P05', 'untranslatable_character (a NUL in text)'],
    ['22021', 'character_not_in_repertoire'],
    ['22001', 'string_data_right_truncation'],
    ['23505', 'unique_violation'],
    ['23503', 'foreign_key_violation'],
    ['42703', 'undefined_column'],
  ])('PostgreSQL %s (%s) is a data error: never retry', (code) => {
    expect(errorKind(new QueryFailedError('INSERT …', [], pgError(code)))).toBe('data');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'])('socket error %s is unavailable', (code) => {
    expect(errorKind(networkError(code))).toBe('unavailable');
    expect(errorKind(new AggregateError([networkError(code)], 'connect failed'))).toBe('unavailable');
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Connection is closed.',
    'Command timed out',
    'Reached the max retries per request limit (which is 2). Refer to "maxRetriesPerRequest" option for details.',
  ])('driver message "%s" is unavailable', (message) => {
    expect(errorKind(new Error(message))).toBe('unavailable');
  });

  it('Temporal gRPC UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED are unavailable, wrapped or not', () => {
    for (const code of [14, 4, 8]) {
      const grpc = Object.assign(new Error(`${code} status`), { code, details: 'x', metadata: {} });
      expect(errorKind(grpc)).toBe('unavailable');
      expect(errorKind(new Error('Failed to query workflow', { cause: grpc }))).toBe('unavailable');
    }
    expect(errorKind(Object.assign(new Error('not found'), { code: 5, details: 'workflow not found', metadata: {} }))).toBe('unknown');
  });

  it('follows causes: the first dependency error in the chain decides', () => {
    expect(errorKind(new Error('outer', { cause: pgError('22P05', 'unsupported Unicode escape sequence') }))).toBe('data');
    expect(errorKind(new Error('outer', { cause: new Error('middle', { cause: networkError('ECONNREFUSED') }) }))).toBe('unavailable');
  });

  it('plain bugs are unknown', () => {
    expect(errorKind(new TypeError("Cannot read properties of null (reading 'length')"))).toBe('unknown');
    expect(errorKind('a string')).toBe('unknown');
    expect(errorKind(null)).toBe('unknown');
  });

  it('a cyclic cause chain terminates', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(errorKind(a)).toBe('unknown');
  });
});

describe('withDeadline', () => {
  it('answers with the promise when it settles in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('boom')), 1000, 'x')).rejects.toThrow('boom');
  });

  it('rejects with a DeadlineExceededError, classified unavailable, when it does not', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await withDeadline(never, 20, 'PostgreSQL').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as Error).message).toBe('PostgreSQL did not answer within 20 ms');
    expect(errorKind(error)).toBe('unavailable');
  });
});
