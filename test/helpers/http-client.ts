/**
 * A JSON answer as the tests read it: untyped, as JSON.parse gives it, because each test states the
 * shape it expects in its own assertions; `unknown` would need a cast before every one of them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the suite's one deliberate any, for the reason above
export type ResponseBody = any;

export interface HttpResponse<T = ResponseBody> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is, instead of JSON-encoding `body`. */
  rawBody?: string | Uint8Array;
}

/** Real HTTP against the listening app (no in-process injection), JSON by default. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  get<T = ResponseBody>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request('GET', path, undefined, options);
  }
  post<T = ResponseBody>(path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request('POST', path, body, options);
  }
  put<T = ResponseBody>(path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request('PUT', path, body, options);
  }
  patch<T = ResponseBody>(path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request('PATCH', path, body, options);
  }
  delete<T = ResponseBody>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    return this.request('DELETE', path, undefined, options);
  }

  async request<T = ResponseBody>(method: string, path: string, body: unknown, options: RequestOptions): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Uint8Array | undefined = options.rawBody;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload as BodyInit | undefined });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
}
