import { HttpClient, type HttpResponse, type RequestOptions, type ResponseBody } from './http-client.js';

/** An HTTP client whose every request names one site (`X-Comment-Site`), so the factories work on it as they do on the default site. */
export class SiteHttpClient extends HttpClient {
  constructor(
    baseUrl: string,
    readonly siteId: string,
  ) {
    super(baseUrl);
  }

  override request<T = ResponseBody>(method: string, path: string, body: unknown, options: RequestOptions): Promise<HttpResponse<T>> {
    return super.request(method, path, body, { ...options, headers: { 'x-comment-site': this.siteId, ...options.headers } });
  }
}
