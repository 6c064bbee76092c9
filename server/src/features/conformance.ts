import type { ConformanceCounts, ConformanceData } from '../sep';
import { MAX_CONFORMANCE_COUNT, MAX_CONFORMANCE_SEPS } from '../../../common/protocol';

const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_CONFORMANCE_COUNT;

/**
 * Reads a `sep/conformanceStatus` notification's parameters. `null` clears the data (another repository
 * is configured, not read yet); anything malformed or over the bounds is refused (`invalid`), so a bad
 * message never turns into "no traceability data" findings.
 */
export function readConformanceStatus(params: unknown): { data: ConformanceData | undefined } | 'invalid' {
  if (params === null || params === undefined) return { data: undefined };
  if (typeof params !== 'object' || Array.isArray(params)) return 'invalid';
  const { repository, seps } = params as Record<string, unknown>;
  if (typeof repository !== 'string' || !REPOSITORY.test(repository)) return 'invalid';
  if (!Array.isArray(seps) || seps.length > MAX_CONFORMANCE_SEPS) return 'invalid';
  const map = new Map<number, ConformanceCounts>();
  for (const entry of seps) {
    if (typeof entry !== 'object' || entry === null) return 'invalid';
    const { sep, tested, untested, excluded } = entry as Record<string, unknown>;
    if (!isCount(sep) || sep === 0 || !isCount(tested) || !isCount(untested) || !isCount(excluded)) return 'invalid';
    map.set(sep, { tested, untested, excluded });
  }
  return { data: { repository, seps: map } };
}
