import { AppError } from '@/common/errors/app-error.js';
import { checkCommentBody } from './comment-text.js';

/**
 * The length rule as the API enforces it: the normalised body, or COMMENT_EMPTY / COMMENT_TOO_LONG
 * (with the limit and the length; `atLeast: true` when counting stopped there and the text is longer
 * still). Kept apart from comment-text.ts, which the widget bundles.
 */
export function acceptCommentBody(raw: string): string {
  const text = checkCommentBody(raw);
  if (text.ok) return text.body;
  if (text.reason === 'empty') throw new AppError('COMMENT_EMPTY', 'Write something before posting.');
  if (text.atLeast) {
    throw new AppError('COMMENT_TOO_LONG', `A comment is at most ${text.limit} characters; this one is longer.`, {
      limit: text.limit,
      length: text.length,
      atLeast: true,
    });
  }
  throw new AppError('COMMENT_TOO_LONG', `A comment is at most ${text.limit} characters; this one has ${text.length}.`, {
    limit: text.limit,
    length: text.length,
  });
}
