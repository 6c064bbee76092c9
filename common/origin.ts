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
  return `${KEY}=${Buffer.from(json, 'utf8').toString('base64url')}`;
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
      const o = JSON.parse(Buffer.from(v, 'base64url').toString('utf8')) as Partial<SepOrigin>;
      if ((o.kind === 'issue' || o.kind === 'pull') && typeof o.title === 'string') return { kind: o.kind, title: o.title };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
