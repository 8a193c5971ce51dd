/**
 * What a browser does with the sign-in pages, done with fetch: it keeps the session cookie the server
 * sets, sends it back, posts forms urlencoded from the page's own origin, and does not follow
 * redirects, so a test sees where each answer points.
 */
export interface DeskResponse {
  status: number;
  headers: Headers;
  location: string | null;
  setCookie: string[];
  text: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary response shapes
}

export function deskBrowser(baseUrl: string, options: { acceptLanguage?: string } = {}) {
  let cookie: string | undefined;
  async function request(method: 'GET' | 'POST' | 'DELETE', path: string, init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<DeskResponse> {
    const headers: Record<string, string> = { ...(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}), ...init.headers };
    if (cookie !== undefined) headers.cookie = cookie;
    if (method !== 'GET' && headers.origin === undefined) headers.origin = baseUrl;
    let body: string | URLSearchParams | undefined;
    if (init.form) body = new URLSearchParams(init.form);
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      cookie = /Max-Age=0/i.test(line) ? undefined : pair;
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, location: response.headers.get('location'), setCookie, text, json: () => JSON.parse(text) };
  }
  return {
    request,
    get: (path: string, headers?: Record<string, string>) => request('GET', path, headers ? { headers } : {}),
    postForm: (path: string, form: Record<string, string>, headers?: Record<string, string>) => request('POST', path, { form, ...(headers ? { headers } : {}) }),
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
  };
}

/** The text of the page's alert (a refusal about no single field), without its markup. */
export function alertText(page: string): string | undefined {
  return /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];
}
