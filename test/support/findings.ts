import type { Finding } from '../../server/src/sep';

/** Findings as comparable data: the fixes a finding carries are functions (computed on demand), so they are left out. */
export function findingData(findings: readonly Finding[]): Omit<Finding, 'fixes'>[] {
  return findings.map(({ fixes: _fixes, ...rest }) => rest);
}
