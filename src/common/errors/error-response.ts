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
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is malformed.',
  NOT_FOUND: 'There is nothing at this address.',
  REQUEST_TIMEOUT: 'The request took too long to arrive.',
  PAYLOAD_TOO_LARGE: 'The request body is over the 16 KiB limit.',
  URI_TOO_LONG: 'A part of the address is over 256 characters.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json.',
  HEADERS_TOO_LARGE: 'The request line and headers are over 16 KiB.',
};

/**
 * What the framework's own refusals mean, by their code. Their messages are not passed on: some
 * quote the request (the path, a piece of the body), and an answer never echoes input.
 */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The address is not valid percent-encoded UTF-8.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty, but its content type says JSON.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The body is not as long as its Content-Length says.',
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
    const fastifyCode = (error as { code?: unknown }).code;
    const message = (typeof fastifyCode === 'string' ? FRAMEWORK_MESSAGES[fastifyCode] : undefined) ?? MESSAGES[frameworkCode] ?? 'The request was refused.';
    return respond(frameworkCode, message);
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
