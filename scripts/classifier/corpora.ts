// The labelled corpora the classifier is trained and measured on: JSON lines of { text, label, tag },
// one file per corpus named `<corpus>.train.jsonl` (or `<corpus>.jsonl`). Only the training script and
// the quality benchmark read them, from the folder given with --data; nothing at run time does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledComment {
  corpus: string;
  text: string;
  label: 0 | 1;
  tag: string;
}

export interface Split {
  train: LabelledComment[];
  dev: LabelledComment[];
}

/** The share of every corpus, per label, kept out of training to measure on. */
export const DEV_SHARE = 0.2;
const SPLIT_SALT = 'comment-desk-dev-split-1';

export function readCorpora(folder: string): LabelledComment[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`no *.jsonl corpus in ${folder}`);
  const rows: LabelledComment[] = [];
  for (const name of files) {
    const corpus = name.replace(/(\.train)?\.jsonl$/u, '');
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { text: unknown; label: unknown; tag?: unknown };
      if (typeof row.text !== 'string' || (row.label !== 0 && row.label !== 1)) throw new Error(`${name}: bad row ${line.slice(0, 80)}`);
      rows.push({ corpus, text: row.text, label: row.label, tag: typeof row.tag === 'string' ? row.tag : '' });
    }
  }
  return rows;
}

/**
 * A stratified split that depends only on each text: rows of each corpus and label ordered by a
 * salted hash of their text, the first fifth kept for development. Adding rows never moves an old
 * row across the split.
 */
export function splitForDevelopment(rows: readonly LabelledComment[]): Split {
  const groups = new Map<string, { row: LabelledComment; key: string }[]>();
  for (const row of rows) {
    const group = `${row.corpus}\u0000${row.label}`;
    const key = createHash('sha256').update(SPLIT_SALT).update(row.text).digest('hex');
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push({ row, key });
  }
  const split: Split = { train: [], dev: [] };
  for (const list of groups.values()) {
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const devCount = Math.round(list.length * DEV_SHARE);
    list.forEach(({ row }, i) => (i < devCount ? split.dev : split.train).push(row));
  }
  return split;
}

export function corpusNames(rows: readonly LabelledComment[]): string[] {
  return [...new Set(rows.map((row) => row.corpus))].sort();
}

export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args.set(name, inline);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) args.set(name, argv[++i]!);
    else args.set(name, 'true');
  }
  return args;
}
