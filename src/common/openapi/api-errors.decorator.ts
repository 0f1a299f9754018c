import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@/common/errors/app-error.js';

export const API_ERRORS = 'comment-desk:api-errors';

/**
 * The error codes an operation answers with beyond those every operation of its kind may answer
 * (its login and role, its input, the server's own faults): they are added to the OpenAPI document
 * from the route's metadata (see error-responses.ts).
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator => SetMetadata(API_ERRORS, codes);
