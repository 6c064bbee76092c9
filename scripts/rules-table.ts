/**
 * Renders the README's rule table from the registry. `--write` updates
 * README.md in place; without it, prints the table. A unit test keeps the two in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/sep/rules/registry';
import type { FixKind } from '../server/src/sep/rules/types';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(): string {
  const rows = RULES.map(
    (r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${fixColumn(r.fixKinds)} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Rule | Default severity | Fix | What it checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `certain` (fix-all applies it), `suggestion` (quick fix only), both, or nothing. */
function fixColumn(kinds: readonly FixKind[]): string {
  return [...kinds].sort().join(', ');
}

/** The README text with its rule table replaced by the current one. */
export function withRulesTable(readme: string): string {
  const s = readme.indexOf(START);
  const e = readme.indexOf(END);
  if (s === -1 || e === -1) throw new Error('README.md lacks the rules:start/rules:end markers');
  return `${readme.slice(0, s + START.length)}\n${rulesTable()}\n${readme.slice(e)}`;
}

if (process.argv.includes('--write')) {
  writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
} else if (require.main === module) {
  process.stdout.write(`${rulesTable()}\n`);
}
