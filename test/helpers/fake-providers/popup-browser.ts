export interface BrowserResponse {
  status: number;
  url: string;
  location: string | null;
  headers: Headers;
  text: string;
}

export interface BrowserRequest {
  method?: 'GET' | 'POST';
  /** Sent as application/x-www-form-urlencoded, as an HTML form does. */
  form?: Record<string, string>;
}

/**
 * Plays the login popup over plain HTTP: keeps cookies per host and port (stricter than browsers,
 * which ignore ports), asks for text/html, and never follows a redirect by itself, so a test sees and may alter every
 * hop (the provider's redirect back to the callback above all).
 */
export class PopupBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  async request(url: string | URL, options: BrowserRequest = {}): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml' };
    const cookies = this.jar.get(target.host);
    if (cookies?.size) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const response = await fetch(target, { method: options.method ?? (options.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(target.host, response.headers.getSetCookie());
    const location = response.headers.get('location');
    return {
      status: response.status,
      url: target.href,
      location: location === null ? null : new URL(location, target).href,
      headers: response.headers,
      text: await response.text(),
    };
  }

  /** Follows redirects from `url` until an answer that is not one, or until `stopBefore` matches a Location. */
  async follow(url: string | URL, options: BrowserRequest & { stopBefore?: (location: string) => boolean } = {}): Promise<BrowserResponse> {
    let response = await this.request(url, options);
    for (let hops = 0; response.location && response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error(`too many redirects from ${String(url)}`);
      if (options.stopBefore?.(response.location)) return response;
      response = await this.request(response.location);
    }
    return response;
  }

  /** A copy of the cookies this browser holds for a host, e.g. to replay an old one. */
  cookiesOf(host: string): Map<string, string> {
    return new Map(this.jar.get(host));
  }

  setCookies(host: string, cookies: Map<string, string>): void {
    this.jar.set(host, new Map(cookies));
  }

  private store(host: string, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const cookies = this.jar.get(host) ?? new Map<string, string>();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
      this.jar.set(host, cookies);
    }
  }
}

export interface PostedMessage {
  message: { type: string; [field: string]: unknown };
  targetOrigin: string;
}

/** What a popup page would post to its opener, read from its script (null: it posts nothing). */
export function postedMessage(html: string): PostedMessage | null {
  const message = html.match(/var message = (.*);\n/)?.[1];
  const targetOrigin = html.match(/var targetOrigin = (.*);\n/)?.[1];
  if (!message || !targetOrigin) return null;
  return { message: JSON.parse(message) as PostedMessage['message'], targetOrigin: JSON.parse(targetOrigin) as string };
}
