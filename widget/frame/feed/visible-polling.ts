import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `poll` every `intervalMs` while the page is visible, and once at once when it becomes
 * visible again; a hidden tab costs the service nothing.
 */
export function useVisiblePolling(poll: () => Promise<void>, intervalMs: number, enabled: boolean): void {
  const pollRef = useRef(poll);
  pollRef.current = poll;

  useEffect(() => {
    if (!enabled) return;
    let running = false;
    const tick = async (): Promise<void> => {
      if (running || document.visibilityState !== 'visible') return;
      running = true;
      try {
        await pollRef.current();
      } catch {
        // A missed poll is retried at the next tick; the reader is not bothered with it.
      } finally {
        running = false;
      }
    };
    const timer = window.setInterval(() => void tick(), intervalMs);
    const onVisibilityChange = (): void => void tick();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [intervalMs, enabled]);
}
