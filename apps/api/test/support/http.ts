/** Real HTTP requests with fetch, and the exact outcomes tests compare responses with. */

export type ApiResponse = {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or null when there is none. */
  body: unknown;
  text: string;
};

async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown = null;
  if (text !== "" && response.headers.get("content-type")?.includes("json"))
    body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

type Body = unknown;

/** Real HTTP requests to a running app, optionally as a user (bearer token). */
export class Client {
  readonly baseUrl: string;
  readonly token: string | undefined;

  constructor(baseUrl: string, token?: string) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** A raw request: headers and body exactly as given (plus the bearer token, if any). */
  async fetch(path: string, init: RequestInit = {}): Promise<ApiResponse> {
    const headers = new Headers(init.headers);
    if (this.token !== undefined && !headers.has("authorization")) {
      headers.set("authorization", `Bearer ${this.token}`);
    }
    return toApiResponse(await fetch(`${this.baseUrl}${path}`, { ...init, headers }));
  }

  #json(method: string, path: string, body?: Body, headers: Record<string, string> = {}) {
    return this.fetch(path, {
      method,
      ...(body === undefined
        ? { headers }
        : {
            body: JSON.stringify(body),
            headers: { "content-type": "application/json", ...headers },
          }),
    });
  }

  /** Sends `text` as the body exactly as given (e.g. malformed JSON), with this content type. */
  send(method: string, path: string, text: string, contentType = "application/json") {
    return this.fetch(path, { method, body: text, headers: { "content-type": contentType } });
  }

  get = (path: string) => this.fetch(path);
  delete = (path: string, headers: Record<string, string> = {}) =>
    this.fetch(path, { method: "DELETE", headers });
  post = (path: string, body?: Body, headers?: Record<string, string>) =>
    this.#json("POST", path, body, headers);
  put = (path: string, body?: Body, headers?: Record<string, string>) =>
    this.#json("PUT", path, body, headers);
  patch = (path: string, body?: Body, headers?: Record<string, string>) =>
    this.#json("PATCH", path, body, headers);
}

/** A user of the API: an id (the token's `sub`) and a client sending their token. */
export type TestUser = Client & { id: string };

export function nextLink(response: ApiResponse): string | undefined {
  const link = response.headers.get("link");
  if (link === null) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match?.[1]) throw new Error(`unexpected Link header: ${link}`);
  return match[1];
}

/** A FastAPI-shaped 422 body with exactly these issues. */
export const validationBody = (
  ...issues: { loc: (string | number)[]; msg: string; type: string }[]
) => ({
  detail: issues,
});

export const NOT_A_TASK_ID = "5d3e1c2b-0a9f-4e8d-b7c6-a5f4e3d2c1b0";

/** Status, body and WWW-Authenticate of a response, to compare with `refused(…)` in one assertion. */
export const authOutcome = (response: ApiResponse) => ({
  status: response.status,
  body: response.body,
  wwwAuthenticate: response.headers.get("www-authenticate"),
});

/** A 401 exactly as the API answers it: the detail and `WWW-Authenticate: Bearer`. */
export const refused = (detail: string) => ({
  status: 401,
  body: { detail },
  wwwAuthenticate: "Bearer",
});

/** Status and body of a response, to compare with one of the outcomes below in one assertion. */
export const outcome = (response: ApiResponse) => ({
  status: response.status,
  body: response.body,
});

export const INVALID_ID = {
  status: 422,
  body: validationBody({
    loc: ["path", "id"],
    msg: "Input should be a valid UUID",
    type: "uuid_parsing",
  }),
};
export const JSON_INVALID = {
  status: 422,
  body: validationBody({ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }),
};
export const TASK_NOT_FOUND = { status: 404, body: { detail: "Task not found" } };
export const FORBIDDEN_TASK = { status: 403, body: { detail: "Not allowed to access this task" } };
export const TOO_LARGE = {
  status: 413,
  body: { detail: "Request body too large (the limit is 64 KiB)" },
};
export const NOT_JSON = {
  status: 415,
  body: { detail: "Unsupported Media Type: send the body as application/json" },
};
