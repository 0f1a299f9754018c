import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from './storable.js';

/**
 * Routes declare zod schemas on their parameters (`@Body({ schema })`, `@Query({ schema })`); this
 * pipe runs them and reports every issue with its path in VALIDATION_FAILED's details.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StorableTextValidationPipe({
    exceptionFactory: (issues) =>
      new ValidationFailedError(
        issues.map((issue) => (issue.path?.length ? `${issue.path.map(pathKey).join('.')}: ${issue.message}` : issue.message)).join('; '),
        { issues: issues.map((issue) => ({ path: (issue.path ?? []).map(pathKey), message: issue.message })) },
      ),
  });
}

/**
 * Before any schema, every string of the input (and every object key, down to the values of free-form
 * JSON such as a policy definition) is held to the one rule of what PostgreSQL can store: a field that
 * breaks it is refused by name, whichever route it came to and whether or not it is stored as is.
 */
class StorableTextValidationPipe extends StandardSchemaValidationPipe {
  protected override validate<T = unknown>(
    value: unknown,
    schema: StandardSchemaV1,
    options?: Record<string, unknown>,
  ): Promise<StandardSchemaV1.Result<T>> | StandardSchemaV1.Result<T> {
    const unstorable = unstorableTextPaths(value);
    if (unstorable.length > 0) return { issues: unstorable.map((path) => ({ path, message: UNSTORABLE_TEXT_MESSAGE })) };
    return super.validate<T>(value, schema, options);
  }
}

function pathKey(segment: PropertyKey | { key: PropertyKey }): string {
  return String(typeof segment === 'object' ? segment.key : segment);
}
