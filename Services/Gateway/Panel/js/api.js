// The public API as the panel calls it: same-origin JSON, the session cookie sent by the
// browser, the session's CSRF token repeated on every call that changes something. The admin
// key is sent once, to sign in, and never kept.

/** An answer other than 2xx, carrying the API's own code and message. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

let csrfToken = null;
const signedOutListeners = [];

/** Remembers the CSRF token of the current session (in memory only). */
export function setSession(session) {
  csrfToken = session ? session.csrfToken : null;
}

/** Calls `listener` when the API says the session is gone (401). */
export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

/**
 * The address of an API path (`loyalty/rules`, below /api/v1/) with `query`'s non-empty values:
 * what requests go to, and what download links point at.
 */
export function url(path, query) {
  let address = path.startsWith('/') ? path : `/api/v1/${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
    }
    const text = params.toString();
    if (text) address += `?${text}`;
  }
  return address;
}

/** Sends a request; resolves to the decoded JSON (or null), rejects with an ApiError. */
export async function request(method, path, { body, query, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(url(path, query), init);
  } catch (error) {
    throw new ApiError(0, 'network', error.message || 'Network error');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const envelope = data && data.error ? data.error : {};
    const error = new ApiError(
      response.status, envelope.code || `http_${response.status}`,
      envelope.message || `${response.status} ${response.statusText}`, envelope.details);
    if (response.status === 401 && !path.includes('auth/sessions')) signedOutListeners.forEach((listener) => listener());
    throw error;
  }
  return data;
}

export const get = (path, query) => request('GET', path, { query });
export const post = (path, body, headers) => request('POST', path, { body, headers });
export const put = (path, body) => request('PUT', path, { body });
export const del = (path) => request('DELETE', path);

/**
 * Idempotency-Keys for one form: the same body gets the same key, so a double click or a retry
 * changes nothing twice; a corrected body gets a new one (the server keeps a refused request's
 * answer under its key too, and a key reused for another body is refused).
 */
export function idempotencyKeys() {
  let lastBody = null;
  let key = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (text !== lastBody) {
      lastBody = text;
      key = crypto.randomUUID();
    }
    return key;
  };
}

/** A path segment with reserved characters escaped. */
export const segment = (value) => encodeURIComponent(value);
