/**
 * Renders the README's rule table from the registry, and each rule page's
 * "On Final SEPs" section from the Final-SEP policy (server/src/sep/final.ts).
 * `--write` updates README.md and docs/rules/*.md in place; without it, prints
 * the table. A unit test keeps them in sync.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../server/src/sep/rules/registry';
import type { FixKind } from '../server/src/sep/rules/types';
import { finalPolicy } from '../server/src/sep/final';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const FINAL_START = '<!-- final-seps:start -->';
const FINAL_END = '<!-- final-seps:end -->';

export function rulesTable(): string {
  const rows = ALL_RULES.map(
    (r) =>
      `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${finalPolicy(r.id).frozen === 'quiet' ? 'hint' : 'kept'} | ${fixColumn(r.fixKinds)} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Rule | Default severity | On a Final SEP | Fix | What it checks |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
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

/** The "On Final SEPs" section of a rule's page, as final.ts decides. */
export function finalSepsSection(id: string): string {
  const p = finalPolicy(id);
  const guidelines = '[SEP guidelines](https://modelcontextprotocol.io/community/sep-guidelines#reporting-sep-bugs-or-updates)';
  const text =
    p.frozen === 'elsewhere'
      ? `A Final **Status** does not change this rule's findings: ${p.why}, so the [SEP guidelines](https://modelcontextprotocol.io/community/sep-guidelines#reporting-sep-bugs-or-updates)' rule that Final SEPs stay unchanged does not apply to it.`
      : p.frozen === 'keep'
      ? `On a SEP whose **Status** is Final, this rule keeps its severity, unlike the rules whose findings become hints there (see [Final SEPs](../../README.md#final-seps)): when it fires, ${p.why}, so the page the MCP website publishes for the SEP is wrong whatever its status.`
      : `On a SEP whose **Status** is Final, this rule's findings are hints (shown faded, not counted as problems), rule id kept, and the message says why: the ${guidelines} keep Final SEPs unchanged as historical records, so no one may act on them, but the finding still warns anyone who would copy that form into a new SEP. Set \`sep.finalSeps\` to \`full\` (command line: \`--final-seps full\`) to see them at the usual severity. Only the SEP's own **Status** decides: change it to Draft and the findings return as you type.`;
  return `${FINAL_START}\n## On Final SEPs\n\n${text}\n${FINAL_END}`;
}

/** A rule page with its "On Final SEPs" section replaced by the current one, or added at the end. */
export function withFinalSepsSection(page: string, id: string): string {
  const section = finalSepsSection(id);
  const s = page.indexOf(FINAL_START);
  const e = page.indexOf(FINAL_END);
  if (s === -1 || e === -1) return `${page.trimEnd()}\n\n${section}\n`;
  return `${page.slice(0, s)}${section}${page.slice(e + FINAL_END.length)}`;
}

if (process.argv.includes('--write')) {
  writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8')));
  for (const r of ALL_RULES) {
    const file = join('docs', 'rules', `${r.id}.md`);
    if (existsSync(file)) writeFileSync(file, withFinalSepsSection(readFileSync(file, 'utf8'), r.id));
  }
} else if (require.main === module) {
  process.stdout.write(`${rulesTable()}\n`);
}
