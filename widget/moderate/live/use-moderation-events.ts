import { useEffect, useRef, useState } from 'preact/hooks';
import { followModerationEvents, type LiveStatus, type StreamHandlers } from './moderation-stream.js';

/** Follows the live moderation events while the component is mounted; answers the connection's state. */
export function useModerationEvents(currentToken: () => string | null, handlers: Omit<StreamHandlers, 'onStatus'>): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(
    () =>
      followModerationEvents(currentToken, {
        onQueueEvent: (event) => latest.current.onQueueEvent(event),
        onResync: () => latest.current.onResync(),
        onRefused: (error) => latest.current.onRefused(error),
        onStatus: setStatus,
      }),
    [],
  );
  return status;
}
