import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { INT4_MAX, isStorableTime } from '@/common/validation/storable.js';

/** A page position as clients see it: opaque base64url JSON they hand back unchanged. */
export function encodeOpaqueCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads a cursor this service gave out; anything else is VALIDATION_FAILED, never a 500. */
export function decodeOpaqueCursor<T>(value: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationFailedError('cursor: not a cursor this service gave out for this list');
  }
}

/** A time in a cursor, as a Date PostgreSQL can compare a timestamptz with. */
export const cursorTimeSchema = z.iso
  .datetime()
  .transform((text) => new Date(text))
  .refine(isStorableTime, 'a time PostgreSQL can store');

/** A count in a cursor (a like count), within PostgreSQL's `integer`. */
export const cursorCountSchema = z.number().int().min(0).max(INT4_MAX);
