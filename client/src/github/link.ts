/**
 * Parses an RFC 8288 `Link` header as GitHub sends it:
 * `<https://api.github.com/...&page=2>; rel="next", <...&page=3>; rel="last"`.
 * Returns a map from each rel to its URL.
 */
export function parseLinkHeader(header: string | null | undefined): Map<string, string> {
  const links = new Map<string, string>();
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2]);
    if (!rels) continue;
    for (const rel of rels[1].trim().split(/\s+/)) links.set(rel.toLowerCase(), match[1]);
  }
  return links;
}
