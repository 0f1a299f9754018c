import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { AppError, ERROR_STATUS, type ErrorCode } from './app-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is malformed.',
  NOT_FOUND: 'There is nothing at this address.',
  PAYLOAD_TOO_LARGE: 'The request body is over the 16 KiB limit.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json.',
};

function respond(code: ErrorCode, message: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}): ErrorResponse {
  return { status: ERROR_STATUS[code], headers, body: { error: { code, message, details } } };
}

/**
 * The one mapping from anything thrown to the contract's error envelope. Client errors keep their
 * message; anything unexpected becomes INTERNAL with an id that matches the log line, never a stack.
 */
export function toErrorResponse(error: unknown, logger: AppLogger, requestId?: string): ErrorResponse {
  if (error instanceof AppError) {
    if (error.status >= 500) logger.warn({ err: error, reqId: requestId }, error.message);
    return respond(error.code, error.message, error.details, error.headers);
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, reqId: requestId }, 'database unavailable');
    return respond('SERVICE_UNAVAILABLE', 'The database cannot be reached; try again shortly.', {}, { 'retry-after': '5' });
  }
  const frameworkStatus = statusOfFrameworkError(error);
  const frameworkCode = frameworkStatus === undefined ? undefined : CODE_BY_STATUS[frameworkStatus];
  if (frameworkCode) {
    const detail = frameworkCode === 'VALIDATION_FAILED' && error instanceof Error ? { reason: error.message } : {};
    return respond(frameworkCode, MESSAGES[frameworkCode] ?? 'The request was refused.', detail);
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId, reqId: requestId }, 'unexpected error');
  return respond('INTERNAL', 'Something went wrong on our side.', { errorId });
}

/** Nest's HttpException, or a Fastify error (body parser, content type) that carries a 4xx status. */
function statusOfFrameworkError(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}
