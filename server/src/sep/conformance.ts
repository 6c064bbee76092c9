/**
 * What the conformance repository says about SEPs (its `src/seps/traceability.json`), as handed to the
 * engine by the editor: the engine never fetches it. Plain data; no editor, protocol or file-system imports.
 */
import type { SepDocument } from './types';
import { sepNumberOf } from './trace/skeleton';

/** One SEP's requirement counts in the conformance repository's traceability manifest. */
export interface ConformanceCounts {
  /** Requirements with a check that the reference run exercises. */
  tested: number;
  /** Requirements with a check that is not exercised yet. */
  untested: number;
  /** Requirements excluded from testing, each with a reason. */
  excluded: number;
}

/** The traceability data of one conformance repository. */
export interface ConformanceData {
  /** `owner/name` the data was read from. */
  repository: string;
  /** Counts by SEP number; a SEP missing here has no traceability file there. */
  seps: ReadonlyMap<number, ConformanceCounts>;
}

/** The SEP's counts in `data`; undefined when there is no data or the SEP has no entry. */
export function conformanceOf(doc: SepDocument, data: ConformanceData | undefined): ConformanceCounts | undefined {
  const n = sepNumberOf(doc);
  return n === undefined ? undefined : data?.seps.get(n);
}

/** `3 tested · 0 untested · 2 excluded`. */
export function countsText(c: ConformanceCounts): string {
  return `${c.tested} tested · ${c.untested} untested · ${c.excluded} excluded`;
}
