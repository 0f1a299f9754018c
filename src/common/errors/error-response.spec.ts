import { describe, expect, it, jest } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { AppError, RateLimitedError, UserBannedError } from './app-error.js';
import { toErrorResponse } from './error-response.js';

function recordingLogger(): { logger: AppLogger; errors: unknown[][] } {
  const errors: unknown[][] = [];
  const logger = { error: jest.fn((...args: unknown[]) => errors.push(args)), warn: jest.fn() } as unknown as AppLogger;
  return { logger, errors };
}

describe('toErrorResponse', () => {
  it('turns an unexpected error into INTERNAL with an error id that matches the log line, and no stack', () => {
    const { logger, errors } = recordingLogger();
    const failure = new TypeError('cannot read properties of undefined (secret internals)');
    const response = toErrorResponse(failure, logger, 'req-1');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL');
    const { errorId } = response.body.error.details as { errorId: string };
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(response.body)).not.toMatch(/secret internals|TypeError|at .*:\d+/);
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toMatchObject({ err: failure, errorId, reqId: 'req-1' });
  });

  it('keeps a domain error code, details and headers', () => {
    const { logger } = recordingLogger();
    const response = toErrorResponse(new RateLimitedError(12.2), logger);
    expect(response).toEqual({
      status: 429,
      headers: { 'retry-after': '13' },
      body: { error: { code: 'RATE_LIMITED', message: expect.any(String), details: { retryAfter: 13 } } },
    });
  });

  it('reports when a ban ends, or null for a permanent one', () => {
    const { logger } = recordingLogger();
    const until = new Date('2030-01-01T00:00:00Z');
    expect(toErrorResponse(new UserBannedError(until), logger).body.error.details).toEqual({ until: '2030-01-01T00:00:00.000Z' });
    expect(toErrorResponse(new UserBannedError(null), logger).body.error).toMatchObject({ code: 'USER_BANNED', details: { until: null } });
  });

  it.each([
    ['a Prisma P1001', Object.assign(new Error("Can't reach database server"), { code: 'P1001' })],
    ['a refused connection deep in the cause chain', new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })],
    ['PostgreSQL shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    [
      "a Prisma request error carrying the driver adapter's 57P03 (connecting while the server shuts down or starts up)",
      Object.assign(new Error('Raw query failed.'), {
        code: 'P2010',
        meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57P03', severity: 'FATAL' } } },
      }),
    ],
    ['PostgreSQL starting up, by its message', new Error('the database system is starting up')],
    [
      'a Prisma P2028: every connection busy for longer than a transaction may wait',
      Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' }),
    ],
  ])('answers %s with 503 SERVICE_UNAVAILABLE and Retry-After', (_, error) => {
    const { logger } = recordingLogger();
    const response = toErrorResponse(error, logger);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('maps framework errors by status', () => {
    const { logger } = recordingLogger();
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'), logger).body.error.code).toBe('NOT_FOUND');
    expect(toErrorResponse(Object.assign(new Error('too large'), { statusCode: 413 }), logger).body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    [414, 'URI_TOO_LONG'],
    [431, 'HEADERS_TOO_LARGE'],
    [408, 'REQUEST_TIMEOUT'],
  ])('maps a server refusal with status %d to %s', (status, code) => {
    const { logger } = recordingLogger();
    const response = toErrorResponse(Object.assign(new Error('refused'), { statusCode: status }), logger);
    expect(response).toEqual({ status, headers: {}, body: { error: { code, message: expect.any(String), details: {} } } });
  });

  it('never passes on a framework message, which may quote the request', () => {
    const { logger } = recordingLogger();
    const badUrl = Object.assign(new Error("'/api/v1/articles/secret%ff' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' });
    const response = toErrorResponse(badUrl, logger);
    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'The address is not valid percent-encoded UTF-8.', details: {} });
    const unknown = toErrorResponse(Object.assign(new Error('Unexpected token in "secret"'), { statusCode: 400 }), logger);
    expect(JSON.stringify(unknown.body)).not.toContain('secret');
  });

  it('gives every contract code its contract status', () => {
    const { logger } = recordingLogger();
    expect(toErrorResponse(new AppError('ALREADY_DECIDED', 'x'), logger).status).toBe(409);
    expect(toErrorResponse(new AppError('COMMENT_TOO_LONG', 'x', { limit: 250, length: 251 }), logger).status).toBe(422);
  });
});
