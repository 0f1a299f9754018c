/**
 * A publisher's key set is a few keys, a few KiB: a larger answer is refused before it is read
 * whole, so a misconfigured or hostile JWKS URL cannot make every instance buffer and parse
 * megabytes.
 */
export const MAX_KEY_SET_BYTES = 64 * 1024;

export class KeySetTooLargeError extends Error {
  constructor(url: string) {
    super(`The key set at ${url} is larger than ${MAX_KEY_SET_BYTES} bytes`);
    this.name = 'KeySetTooLargeError';
  }
}

/** `fetch`, with the answer's body read up to `maxBytes` and refused beyond (for jose's `customFetch`). */
export async function fetchAtMost(maxBytes: number, url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new KeySetTooLargeError(url);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new KeySetTooLargeError(url);
      }
      chunks.push(chunk);
    }
  }
  return new Response(Buffer.concat(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
}
