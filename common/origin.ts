/** The GitHub issue or pull request whose body the document is, when it is one (opened from the sidebar). */
export interface SepOrigin {
  kind: 'issue' | 'pull';
  /** The or pull request's title: an issue-era SEP's title is there, not in the body. */
  title: string;
}

/**
 * The issue or pull request a `sep-github:` document's text comes from, carried in the document's
 * URI query (`origin=<base64url JSON>`) so that the server, which sees only URI and text, can check
 * an issue-era SEP's title (the title) and leave a pull request's description unchecked.
 * Written by the client's document provider, read by the server's analysis.
 */

const KEY = 'origin';

/** The URI query for a document that is the body of this issue or pull request. */
export function originQuery(origin: SepOrigin): string {
  const json = JSON.stringify({ kind: origin.kind, title: origin.title });
  return `${KEY}=${toBase64Url(json)}`;
}

/** The origin a document URI carries, if any; undefined for any URI without a well-formed one. */
export function originOf(uri: string): SepOrigin | undefined {
  const q = uri.indexOf('?');
  if (q === -1) return undefined;
  let query: string;
  try {
    // VS Code percent-encodes `=` in a query when it writes the URI as a string; base64url needs no decoding.
    query = decodeURIComponent(uri.slice(q + 1).split('#')[0]);
  } catch {
    return undefined;
  }
  for (const part of query.split('&')) {
    const [k, v] = part.split('=');
    if (k !== KEY || !v) continue;
    try {
      const o = JSON.parse(fromBase64Url(v)) as Partial<SepOrigin>;
      if ((o.kind === 'issue' || o.kind === 'pull') && typeof o.title === 'string') return { kind: o.kind, title: o.title };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** UTF-8 text as unpadded base64url, with the web platform's btoa (Node and the browser both have it). */
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  const b64 = btoa(binary);
  let end = b64.length;
  while (end > 0 && b64[end - 1] === '=') end--;
  return b64.slice(0, end).replaceAll('+', '-').replaceAll('/', '_');
}

/** The text of a base64url string (padded or not); throws on anything else. */
function fromBase64Url(value: string): string {
  const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
