import type { FinalSeps, SeverityOverride } from './sep';
import { DEFAULT_INCLUDE } from './sep';

/** The `sep.*` settings the server uses. */
export interface ServerSettings {
  validate: { enable: boolean };
  files: { include: string[] };
  rules: Record<string, SeverityOverride>;
  /** `quiet`: findings on Final SEPs that do not affect the published page are hints; `full`: usual severities. */
  finalSeps: FinalSeps;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  validate: { enable: true },
  files: { include: [...DEFAULT_INCLUDE] },
  rules: {},
  finalSeps: 'quiet',
};

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Accepts whatever a client sends for the `sep` section and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = (s.validate ?? {}) as Record<string, unknown>;
  const files = (s.files ?? {}) as Record<string, unknown>;
  const rules: Record<string, SeverityOverride> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) rules[id] = level as SeverityOverride;
    }
  }
  return {
    validate: { enable: validate.enable !== false },
    files: {
      include: Array.isArray(files.include) ? files.include.filter((x): x is string => typeof x === 'string') : [...DEFAULT_INCLUDE],
    },
    rules,
    finalSeps: s.finalSeps === 'full' ? 'full' : 'quiet',
  };
}
