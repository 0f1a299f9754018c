import { StandardSchemaValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '@/common/errors/app-error.js';

/**
 * Routes declare zod schemas on their parameters (`@Body({ schema })`, `@Query({ schema })`); this
 * pipe runs them and reports every issue with its path in VALIDATION_FAILED's details.
 */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new ValidationFailedError(
        issues.map((issue) => (issue.path?.length ? `${issue.path.map(pathKey).join('.')}: ${issue.message}` : issue.message)).join('; '),
        { issues: issues.map((issue) => ({ path: (issue.path ?? []).map(pathKey), message: issue.message })) },
      ),
  });
}

function pathKey(segment: PropertyKey | { key: PropertyKey }): string {
  return String(typeof segment === 'object' ? segment.key : segment);
}
