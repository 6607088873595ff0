/** One small client for the API: same-origin cookies, the CSRF header on writes, errors as ApiError. */

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** An error answer `{"error":{code,message,details}}`; `code` is what the UI translates. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The invalid fields of a 400, named like `body.firstName`. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  /** 409 stale_version: the version someone else saved. */
  get currentVersion(): number | undefined {
    const v = (this.details as { currentVersion?: unknown } | undefined)?.currentVersion;
    return typeof v === 'number' ? v : undefined;
  }

  /** 409 client_exists: the existing client the user may open. */
  get existingClientId(): string | undefined {
    const id = (this.details as { clientId?: unknown } | undefined)?.clientId;
    return typeof id === 'string' ? id : undefined;
  }
}

let csrfToken: string | null = null;

/** Every session answer carries the token that writes must echo in `x-csrf-token`. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET' && csrfToken === null) await send('GET', '/api/auth/session');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError(
      res.status,
      error?.code ?? `http_${res.status}`,
      error?.message ?? res.statusText,
      error?.details,
    );
  }
  if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') {
    rememberCsrfToken(json.csrfToken);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
};

/** `?a=1&b=x` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
