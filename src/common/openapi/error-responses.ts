import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '@/common/errors/app-error.js';
import { AUTH_POLICY, type AuthPolicy } from '@/modules/auth/auth.decorators.js';
import { writes } from '@/modules/auth/auth.guard.js';
import { API_ERRORS } from './api-errors.decorator.js';
import { ERROR_EXAMPLES } from './error-examples.js';
import { toOpenApi } from './zod-json-schema.js';

/** A route's handler and its controller, where its decorators left their metadata. */
export interface RouteHandler {
  controller: object;
  handler: object;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** Every operation can meet a fault of ours, or an instance that is shutting down or has lost its database. */
const EVERY_OPERATION: ErrorCode[] = ['INTERNAL', 'SERVICE_UNAVAILABLE'];
const WITH_INPUT: ErrorCode[] = ['VALIDATION_FAILED'];
const WITH_BODY: ErrorCode[] = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
const RETRY_AFTER = new Set<ErrorCode>(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

/**
 * Adds to every operation of `document` each error it can answer with, in the contract's envelope
 * with an example per code: what its login and role settings imply (AUTH_REQUIRED, FORBIDDEN,
 * USER_BANNED, read from the same metadata the guard reads), what its inputs imply, the codes the
 * route declares with @ApiErrors, and the faults any operation can meet. Optional logins are marked
 * optional in `security`. Throws for an operation without a known handler, so none goes undescribed.
 */
export function addErrorResponses(document: OpenAPIObject, handlers: ReadonlyMap<string, RouteHandler>): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
      if (!route) throw new Error(`OpenAPI: no route handler for operation ${operation.operationId ?? '(without id)'}`);
      const policy = authPolicy(route);
      // A route with the decorator on its controller and itself is listed twice by Swagger; once is enough.
      if (policy) operation.security = policy.mode === 'optional' ? [{}, { bearer: [] }] : [{ bearer: [] }];
      const codes = new Set<ErrorCode>([...authErrors(policy, method), ...inputErrors(operation), ...declaredErrors(route), ...EVERY_OPERATION]);
      for (const [status, ofStatus] of byStatus(codes)) {
        if (operation.responses[status]) throw new Error(`OpenAPI: ${operation.operationId} already describes status ${status}`);
        operation.responses[status] = errorResponse(ofStatus);
      }
    }
  }
}

function authPolicy({ controller, handler }: RouteHandler): AuthPolicy | undefined {
  return (Reflect.getMetadata(AUTH_POLICY, handler) ?? Reflect.getMetadata(AUTH_POLICY, controller)) as AuthPolicy | undefined;
}

function authErrors(policy: AuthPolicy | undefined, method: string): ErrorCode[] {
  if (policy?.mode !== 'required') return [];
  const codes: ErrorCode[] = ['AUTH_REQUIRED'];
  if (policy.minRole && policy.minRole !== 'reader') codes.push('FORBIDDEN');
  if (writes(policy, method.toUpperCase())) codes.push('USER_BANNED');
  return codes;
}

function inputErrors(operation: Operation): ErrorCode[] {
  if (operation.requestBody) return WITH_BODY;
  return operation.parameters?.length ? WITH_INPUT : [];
}

function declaredErrors({ handler }: RouteHandler): ErrorCode[] {
  return (Reflect.getMetadata(API_ERRORS, handler) as ErrorCode[] | undefined) ?? [];
}

function byStatus(codes: Set<ErrorCode>): Map<string, ErrorCode[]> {
  const groups = new Map<string, ErrorCode[]>();
  for (const code of [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b))) {
    const status = String(ERROR_STATUS[code]);
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return groups;
}

function errorResponse(codes: ErrorCode[]): Operation['responses'][string] {
  const [first, ...rest] = codes as [ErrorCode, ...ErrorCode[]];
  const envelope = z
    .object({
      error: z.object({
        code: z.enum([first, ...rest]),
        message: z.string().describe('For people; may be localised. Act on the code.'),
        details: z.record(z.string(), z.unknown()).describe('What the code says it carries; {} otherwise'),
      }),
    })
    .describe('The error envelope');
  return {
    description: codes.map((code) => `${code}: ${ERROR_EXAMPLES[code].when}`).join('. '),
    ...(codes.some((code) => RETRY_AFTER.has(code))
      ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } } }
      : {}),
    content: {
      'application/json': {
        schema: toOpenApi(envelope, 'output').schema,
        examples: Object.fromEntries(
          codes.map((code) => {
            const { when, message, details = {} } = ERROR_EXAMPLES[code];
            return [code, { summary: when, value: { error: { code, message, details } } }];
          }),
        ),
      },
    },
  };
}
