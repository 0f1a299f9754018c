/**
 * What one instance hears from another comes by PostgreSQL NOTIFY, a moment after the commit: an
 * assertion about another instance's view is retried for a little while. The caches' own expiry is a
 * minute, so a change seen within this window was seen because it was announced.
 */
export async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, withinMs = 2_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
