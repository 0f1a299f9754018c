// What PostgreSQL can store, for input that reaches SQL as it is.
//
// Text: PostgreSQL keeps it as UTF-8 and has no room for U+0000, in text columns as in jsonb. An
// unpaired UTF-16 surrogate (JSON can carry one as "\ud800") has no UTF-8 form at all: node-postgres
// writes it as U+FFFD into a text column without a word, and jsonb refuses its escape.
//
// Times and numbers: PostgreSQL has no year 0, and a time past 9999 does not survive ISO-8601's four
// digits on its way there; `integer` and `bigint` end where they end.

const UNSTORABLE = /[\0\p{Cs}]/u;
const UNPAIRED_SURROGATES = /\p{Cs}/gu;
/** A request with more offending strings than this hears about the first ones only. */
const MAX_REPORTED_PATHS = 20;

export const UNSTORABLE_TEXT_MESSAGE = 'text must not contain U+0000 or an unpaired surrogate';

/** True when PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * `text` without U+0000 and with U+FFFD for each unpaired surrogate: for what a login provider says
 * about a person, which the person cannot fix. Never for ids, which must not be made to collide.
 */
export function toStorableText(text: string): string {
  return text.replaceAll('\0', '').replace(UNPAIRED_SURROGATES, '\uFFFD');
}

/**
 * Where a parsed JSON value (a body, a query, a path parameter) holds a string or an object key that
 * PostgreSQL cannot store, as paths such as `['items', 3, 'reason']`. Walked with a stack of its own,
 * and paths built only for what is found, as a body may nest deeper than the call stack goes.
 */
export function unstorableTextPaths(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const pending: Step[] = [{ value, key: undefined, parent: undefined }];
  while (pending.length > 0 && found.length < MAX_REPORTED_PATHS) {
    const step = pending.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) found.push(pathOf(step));
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push({ value: current[index] as unknown, key: index, parent: step });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!;
        if (!isStorableText(key)) found.push(pathOf({ value: child, key, parent: step }));
        pending.push({ value: child, key, parent: step });
      }
    }
  }
  return found.slice(0, MAX_REPORTED_PATHS);
}

interface Step {
  value: unknown;
  key: string | number | undefined;
  parent: Step | undefined;
}

function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = 2n ** 63n - 1n;
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** True for a valid time of the years 1 to 9999. */
export function isStorableTime(time: Date): boolean {
  const at = time.getTime();
  return at >= EARLIEST && at <= LATEST;
}
