import { newIdempotencyKey } from './idempotency-key.js';

/**
 * One Idempotency-Key per composed text: asking again for the same text (a double click, a retry
 * after a timeout) gives the same key, so the service posts it once; a changed text gets a new one.
 * The service compares the raw body, so the key follows the raw text, not its normalised form.
 */
export class DraftKey {
  private text: string | null = null;
  private key = '';

  for(text: string, parentId: string | null): string {
    const draft = `${parentId ?? ''}\u0000${text}`;
    if (draft !== this.text) {
      this.text = draft;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  /** After a post went through: the same text again is a new comment. */
  reset(): void {
    this.text = null;
  }
}
