import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
import type { CommentSort } from './comments.dto.js';

/** Where a page ended, in the order of its sort: the keyset the next page continues after. */
export interface CommentCursor {
  sort: CommentSort;
  createdAt: Date;
  id: string;
  likeCount: number;
}

const cursorSchema = z.strictObject({
  s: z.enum(['newest', 'oldest', 'top']),
  c: z.iso.datetime(),
  i: z.uuid(),
  l: z.number().int().min(0),
});

export function encodeCursor(cursor: CommentCursor): string {
  return encodeOpaqueCursor({ s: cursor.sort, c: cursor.createdAt.toISOString(), i: cursor.id, l: cursor.likeCount });
}

export function decodeCursor(value: string, sort: CommentSort): CommentCursor {
  const parsed = decodeOpaqueCursor(value, cursorSchema);
  if (parsed.s !== sort) throw new ValidationFailedError(`cursor: it belongs to sort=${parsed.s}, not sort=${sort}`);
  return { sort: parsed.s, createdAt: new Date(parsed.c), id: parsed.i, likeCount: parsed.l };
}
