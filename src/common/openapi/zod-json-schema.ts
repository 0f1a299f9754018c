import type { StandardSchemaConverter } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * Zod schemas to OpenAPI 3.0, as zod itself converts them, with one difference: an answer's objects
 * do not forbid further properties (`additionalProperties: false`, zod's default for output), since
 * the contract lets the service add fields and clients must ignore those they do not know. Request
 * bodies stay as strict as the server validates them.
 */
export const zodJsonSchema: StandardSchemaConverter = (schema, { schemaType }) => {
  if (!(schema instanceof z.ZodType)) return undefined;
  return toOpenApi(schema, schemaType);
};

export function toOpenApi(schema: z.ZodType, io: 'input' | 'output'): { schema: Record<string, unknown>; components: Record<string, unknown> } {
  const converted = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  }) as Record<string, unknown>;
  const { $schema: _, definitions, ...root } = converted;
  return { schema: root, components: (definitions ?? {}) as Record<string, unknown> };
}
