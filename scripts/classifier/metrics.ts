import type { LabelledComment } from './corpora.js';

export interface Confusion {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  /** The share of clean comments flagged. */
  falseAlarms: number;
}

export function confusion(outcomes: readonly { label: 0 | 1; flagged: boolean }[]): Confusion {
  const c: Confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
  for (const { label, flagged } of outcomes) {
    if (label === 1) c[flagged ? 'truePositive' : 'falseNegative']++;
    else c[flagged ? 'falsePositive' : 'trueNegative']++;
  }
  return c;
}

export function figures(c: Confusion): Figures {
  const precision = c.truePositive / Math.max(c.truePositive + c.falsePositive, 1);
  const recall = c.truePositive / Math.max(c.truePositive + c.falseNegative, 1);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    falseAlarms: c.falsePositive / Math.max(c.falsePositive + c.trueNegative, 1),
  };
}

export function formatRow(name: string, c: Confusion): string {
  const f = figures(c);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8);
  const n = c.truePositive + c.falsePositive + c.trueNegative + c.falseNegative;
  return `${name.padEnd(28)} n=${String(n).padStart(5)}  precision ${pct(f.precision)}  recall ${pct(f.recall)}  F1 ${f.f1.toFixed(3)}  clean held ${pct(f.falseAlarms)}`;
}

/**
 * The threshold (to 0.01) with the best mean F1 over the corpora of the rows `pick` picks, among
 * those holding at most `maxCleanHeld` of any one corpus's clean comments; a row `alreadyFlagged`
 * says is flagged whatever its score (the word rules found it).
 */
export function bestThreshold(
  rows: readonly LabelledComment[],
  scores: readonly number[],
  pick: (row: LabelledComment, index: number) => boolean,
  maxCleanHeld: number,
  alreadyFlagged: readonly boolean[] = [],
): number {
  const picked = rows.flatMap((row, i) => (pick(row, i) ? [i] : []));
  const corpora = [...new Set(picked.map((i) => rows[i]!.corpus))];
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t < 0.99; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    let sum = 0;
    let ok = true;
    for (const corpus of corpora) {
      const c = confusion(
        picked.flatMap((i) => (rows[i]!.corpus === corpus ? [{ label: rows[i]!.label, flagged: alreadyFlagged[i] === true || scores[i]! >= threshold }] : [])),
      );
      const f = figures(c);
      if (f.falseAlarms > maxCleanHeld) ok = false;
      sum += f.f1;
    }
    if (ok && sum / corpora.length > bestF1) {
      bestF1 = sum / corpora.length;
      best = threshold;
    }
  }
  return best;
}
