/**
 * The conformance repository's traceability manifest (`src/seps/traceability.json`, generated from its
 * `sep-*.yaml` files): per SEP, the requirements whose checks are tested or untested and those excluded.
 * The text comes from GitHub and is not trusted: it is decoded, checked and bounded here, and only
 * per-SEP counts leave this module. No editor imports.
 */
import { MAX_CONFORMANCE_COUNT, MAX_CONFORMANCE_SEPS, type ConformanceEntry } from '../../../common/protocol';
import { GitHubError } from './errors';

/** Where the manifest lives in the conformance repository. */
export const TRACEABILITY_MANIFEST_PATH = 'src/seps/traceability.json';
/** The largest manifest read (the real one is tens of kilobytes). */
export const MAX_MANIFEST_CHARS = 4_000_000;
/** The manifest schema this reader understands. */
const SCHEMA_VERSION = 1;
/** A SEP key: a positive number of at most six digits, no sign, no leading zero. */
const SEP_KEY = /^[1-9]\d{0,5}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_CONFORMANCE_COUNT;

/**
 * Decodes the manifest into one entry per SEP, sorted by number. Throws a `malformed` {@link GitHubError}
 * when the text is too long, not JSON, of another schema version, lists more than
 * {@link MAX_CONFORMANCE_SEPS} SEPs, or holds an entry whose counts cannot be read: a partly read
 * manifest would make SEPs look untracked that are not.
 */
export function parseTraceabilityManifest(text: string): ConformanceEntry[] {
  if (text.length > MAX_MANIFEST_CHARS) throw malformed(`is larger than ${MAX_MANIFEST_CHARS} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('is not valid JSON');
  }
  if (!isObject(value)) throw malformed('is not an object');
  if (value.schemaVersion !== SCHEMA_VERSION) throw malformed(`has schemaVersion ${String(value.schemaVersion).slice(0, 20)}, not ${SCHEMA_VERSION}`);
  if (!isObject(value.seps)) throw malformed('has no "seps" object');
  const keys = Object.keys(value.seps);
  if (keys.length > MAX_CONFORMANCE_SEPS) throw malformed(`lists more than ${MAX_CONFORMANCE_SEPS} SEPs`);
  const entries: ConformanceEntry[] = [];
  for (const key of keys) {
    if (!SEP_KEY.test(key)) throw malformed(`has a SEP key that is not a number ("${key.slice(0, 20)}")`);
    const counts = countsOf(value.seps[key]);
    if (!counts) throw malformed(`has no readable counts for SEP ${key}`);
    entries.push({ sep: Number(key), ...counts });
  }
  return entries.sort((a, b) => a.sep - b.sep);
}

/** The entry's `summary` counts; without a summary, counted from its `requirements` and `excluded` lists. */
function countsOf(entry: unknown): Omit<ConformanceEntry, 'sep'> | undefined {
  if (!isObject(entry)) return undefined;
  const summary = entry.summary;
  if (isObject(summary)) {
    const { tested, untested, excluded } = summary;
    return isCount(tested) && isCount(untested) && isCount(excluded) ? { tested, untested, excluded } : undefined;
  }
  const { requirements, excluded } = entry;
  if (!Array.isArray(requirements) || !Array.isArray(excluded)) return undefined;
  if (requirements.length > MAX_CONFORMANCE_COUNT || excluded.length > MAX_CONFORMANCE_COUNT) return undefined;
  let tested = 0;
  let untested = 0;
  for (const r of requirements) {
    if (!isObject(r)) return undefined;
    if (r.status === 'tested') tested++;
    else if (r.status === 'untested') untested++;
    else return undefined;
  }
  return { tested, untested, excluded: excluded.length };
}

function malformed(what: string): GitHubError {
  return new GitHubError('malformed', `The conformance repository's ${TRACEABILITY_MANIFEST_PATH} ${what}.`);
}
