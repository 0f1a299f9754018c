import { z } from 'zod';
import type { ToxicityClassifier, ToxicityScore } from '../engine/engine.js';

const answerSchema = z.object({ score: z.number().min(0).max(1) });

/**
 * A toxicity model behind HTTP: `POST {url}` with `{ "text": "..." }` answers `{ "score": 0..1 }`.
 * Any failure (timeout, network, status, shape) rejects, and the caller holds the comment for a human.
 */
export class HttpToxicityClassifier implements ToxicityClassifier {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async classify(text: string): Promise<ToxicityScore> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`toxicity classifier answered ${response.status}`);
    return answerSchema.parse(await response.json());
  }
}
