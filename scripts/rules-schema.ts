/**
 * Renders the JSON schema of the `sep.rules` setting from the registry: one property per rule id (its
 * description, the severity enum), no other keys, so VS Code completes and checks ids in settings.json.
 * `--write` updates package.json in place; without it, prints the schema. A unit test keeps the two in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ALL_RULES } from '../server/src/sep/rules/registry';

/** The values `sep.rules` accepts for a rule (the severities, and `off`). */
export const RULE_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

const EXAMPLE = 'abstract-long';

/** The `sep.rules` entry of `contributes.configuration.properties`. */
export function rulesSchema(): Record<string, unknown> {
  if (!ALL_RULES.some((r) => r.id === EXAMPLE)) throw new Error(`the sep.rules example names ${EXAMPLE}, which is no longer a rule`);
  const properties: Record<string, unknown> = {};
  for (const r of [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[r.id] = { type: 'string', enum: [...RULE_LEVELS], description: `${r.description} (default: ${r.defaultSeverity})` };
  }
  return {
    type: 'object',
    default: {},
    properties,
    additionalProperties: false,
    markdownDescription: `Override the severity of individual rules by id, e.g. \`{ "${EXAMPLE}": "off" }\`. See the rule list in the README.`,
  };
}

/** The manifest text with its `sep.rules` schema replaced by the current one. */
export function withRulesSchema(packageJson: string): string {
  const manifest = JSON.parse(packageJson) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  const properties = manifest.contributes.configuration.properties;
  if (!properties['sep.rules']) throw new Error('package.json has no sep.rules setting');
  properties['sep.rules'] = rulesSchema();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv.includes('--write')) {
  writeFileSync('package.json', withRulesSchema(readFileSync('package.json', 'utf8')));
} else if (require.main === module) {
  process.stdout.write(`${JSON.stringify(rulesSchema(), null, 2)}\n`);
}
