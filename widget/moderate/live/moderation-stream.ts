import type { ModerationEvent } from '@/contract/moderation-events.js';
import { deskSiteHeaders } from '../api/desk-site.js';
import { ApiError, apiErrorFromResponse } from '@widget/shared/api/api-error.js';
import { createEventStreamParser } from './server-sent-events.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface StreamHandlers {
  onQueueEvent: (event: ModerationEvent) => void;
  /** Events may have been missed (a reconnect, or the service says so): fetch again. */
  onResync: () => void;
  onStatus: (status: LiveStatus) => void;
  /** The service no longer takes the token (401) or the role (403): the stream stops. */
  onRefused: (error: ApiError) => void;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;
/** The service sends a heartbeat every 15 s; three missed ones mean the connection is dead. */
const SILENCE_LIMIT_MS = 45_000;

/**
 * Follows the moderation events (`GET /api/v1/moderation/events`). EventSource cannot send the
 * Authorization header, so this reads the stream through fetch. When the stream ends or falls
 * silent it reconnects with growing, jittered delays, and asks for a resync on every connect
 * (events between two connections are lost). Returns the function that stops it.
 */
export function followModerationEvents(currentToken: () => string | null, handlers: StreamHandlers): () => void {
  let stopped = false;
  let connection: AbortController | null = null;
  let wake: (() => void) | null = null;

  const run = async (): Promise<void> => {
    let failures = 0;
    while (!stopped) {
      handlers.onStatus(failures === 0 ? 'connecting' : 'reconnecting');
      const heard = await connectOnce();
      if (heard instanceof ApiError) {
        handlers.onRefused(heard);
        return;
      }
      if (stopped) return;
      failures = heard ? 1 : failures + 1;
      handlers.onStatus('reconnecting');
      await sleep(retryDelay(failures));
    }
  };

  /** One connection, until it ends. True when anything was heard on it, an ApiError when refused. */
  const connectOnce = async (): Promise<boolean | ApiError> => {
    const abort = (connection = new AbortController());
    let heard = false;
    let silence = 0;
    const listen = (): void => {
      window.clearTimeout(silence);
      silence = window.setTimeout(() => abort.abort(), SILENCE_LIMIT_MS);
    };
    try {
      const token = currentToken();
      listen();
      const response = await fetch('/api/v1/moderation/events', {
        headers: { accept: 'text/event-stream', ...deskSiteHeaders(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.status === 401 || response.status === 403) {
        return apiErrorFromResponse(response.status, await response.json().catch(() => null), null);
      }
      if (!response.ok || !response.body) return false;
      handlers.onStatus('live');
      handlers.onResync();
      const parse = createEventStreamParser(({ event, data }) => {
        if (event === 'resync') handlers.onResync();
        else if (event === 'queue') {
          const parsed = parseQueueEvent(data);
          if (parsed) handlers.onQueueEvent(parsed);
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return heard;
        heard = true;
        listen();
        parse(value);
      }
    } catch {
      // Dropped, aborted for silence, or the network is gone: the caller retries.
      return heard;
    } finally {
      window.clearTimeout(silence);
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = window.setTimeout(resolve, ms);
      wake = () => {
        window.clearTimeout(timer);
        resolve();
      };
    });

  void run();
  return () => {
    stopped = true;
    connection?.abort();
    wake?.();
  };
}

/** 1 s, 2 s, 4 s … up to 30 s, each somewhere between half and all of it, so pages do not reconnect in step. */
function retryDelay(failures: number): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function parseQueueEvent(data: string): ModerationEvent | null {
  try {
    const event = JSON.parse(data) as Partial<ModerationEvent>;
    return typeof event.type === 'string' && typeof event.commentId === 'string' ? (event as ModerationEvent) : null;
  } catch {
    return null;
  }
}
