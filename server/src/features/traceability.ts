import { normativeStatements, sepNumberOf, traceabilitySkeleton } from '../sep';
import type { TraceabilitySkeletonParams, TraceabilitySkeletonResult } from '../../../common/protocol';
import type { FeatureEnv } from './env';

/**
 * `sep/traceabilitySkeleton`: the draft `sep-<number>.yaml` of an open SEP, in the conformance repository's
 * format. Refused, in words, when the document is no open SEP or has no number yet.
 */
export function skeletonFor(env: FeatureEnv, params: TraceabilitySkeletonParams): TraceabilitySkeletonResult {
  const ctx = env.documentContext(params.uri);
  if (!ctx) return { error: 'The document is not an open SEP.' };
  const sep = sepNumberOf(ctx.doc);
  if (sep === undefined) return { error: 'The SEP has no number yet: its traceability file is named after it. Set its PR number first.' };
  const statements = normativeStatements(ctx.doc);
  return { fileName: `sep-${sep}.yaml`, text: traceabilitySkeleton(sep, statements), statements: statements.filter((s) => s.level !== 'may').length };
}
