import { expect } from '@jest/globals';

/** A queue event carries a moderation event; a resync carries `{}`. */
export interface ServerSentEvent<Data = Record<string, unknown>> {
  event: string;
  data: Data;
}

/** Reads a server-sent event stream until `wanted` matches an event or the time runs out. */
export async function waitForEvent<Data = Record<string, unknown>>(
  url: string,
  token: string,
  start: () => Promise<void>,
  wanted: (e: ServerSentEvent<Data>) => boolean,
  headers: Record<string, string> = {},
): Promise<ServerSentEvent<Data>[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 8_000);
  const response = await fetch(url, { headers: { ...headers, authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const seen: ServerSentEvent<Data>[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  await start();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data === undefined) continue;
        const parsed: ServerSentEvent<Data> = { event, data: JSON.parse(data) as Data };
        seen.push(parsed);
        if (wanted(parsed)) return seen;
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return seen;
}
