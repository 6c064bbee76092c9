import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parseSep, ruleById } from '../../server/src/sep';
import { WEBSITE_FIELDS, websiteTitle, websiteValue } from '../../server/src/sep/website';
import { refsIn } from '../../server/src/sep/rules/numbers';
import { referenceSeps } from './fixes/corpus';

/**
 * The engine's idea of what the MCP website reads (server/src/sep/website.ts)
 * against the website's own renderer: the regex literals of `parseSEPMetadata`
 * in ../shared/reference/mcp-tooling/render-seps.ts, read from its source at
 * test time and run as the script runs them.
 */

const SCRIPT = join(__dirname, '..', '..', '..', 'shared', 'reference', 'mcp-tooling', 'render-seps.ts');

type Theirs = Record<'title' | 'status' | 'type' | 'created' | 'accepted' | 'authors' | 'sponsor' | 'pr', RegExp>;

/** `<name>Match = content.match(/.../flags)` in the script, as RegExps keyed by `<name>` (`titleMatch` → `title`). */
function theirPatterns(t: { skip(msg: string): void }): Theirs | undefined {
  if (!existsSync(SCRIPT)) {
    if (process.env.CI === 'true') throw new Error(`render-seps.ts missing at ${SCRIPT} (required under CI=true)`);
    t.skip(`render-seps.ts missing at ${SCRIPT}`);
    return undefined;
  }
  const source = readFileSync(SCRIPT, 'utf8');
  const out: Record<string, RegExp> = {};
  for (const m of source.matchAll(/const (\w+)Match = content\.match\(\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/([a-z]*)\s*\)/g)) {
    out[m[1]] = new RegExp(m[2], m[3]);
  }
  const names = ['title', 'status', 'type', 'created', 'accepted', 'authors', 'sponsor', 'pr'];
  assert.deepEqual(Object.keys(out).sort(), [...names].sort(), 'the script reads other fields than these: website.ts needs a look');
  return out as Theirs;
}

/** What the script makes of one field: its value after the script's own clean-up, and the line of the name. */
function theirValue(text: string, re: RegExp, key: string): { value: string; line: number } | undefined {
  const m = text.match(re);
  if (!m || m.index === undefined) return undefined;
  const value = key === 'authors' ? m[1].replace(/\s+/g, ' ').trim() : m[1].trim();
  const at = m.index + Math.max(0, m[0].indexOf(key === 'title' ? '#' : '**'));
  return { value, line: text.slice(0, at).split('\n').length - 1 };
}

/** Asserts that website.ts reads `text` exactly as the script does. */
function assertSameReading(theirs: Theirs, text: string, label: string): void {
  assert.deepEqual(websiteTitle(text), theirValue(text, theirs.title, 'title'), `${label}: title`);
  for (const spec of WEBSITE_FIELDS) {
    assert.deepEqual(websiteValue(text, spec), theirValue(text, theirs[spec.key], spec.key), `${label}: ${spec.label}`);
  }
}

/** Asserts that website-unreadable reports exactly the header lines and title the script cannot read. */
function assertSameVerdict(theirs: Theirs, text: string, fileName: string, label: string): void {
  const doc = parseSep(text, { fileName });
  const reported = new Set(lint(doc, { ruleSet: [ruleById('website-unreadable')!] }).map((f) => f.range.start.line));
  for (const spec of WEBSITE_FIELDS) {
    const ours = doc.header.fields.find((f) => f.key === spec.key);
    if (!ours || ours.value.trim() === '') continue;
    const site = theirValue(text, theirs[spec.key], spec.key);
    const ownLine = text.split('\n')[ours.range.start.line].replace(/\r$/, '');
    const lineRead = theirs[spec.key].test(ownLine);
    let wrong: boolean;
    if (spec.key === 'pr') {
      const number = refsIn(ours.value).map((r) => r.number).find((n) => n !== undefined && /^\d+$/.test(n) && Number(n) > 0);
      const linked = Number(site?.value ?? /^(\d+)-.+\.md$/.exec(fileName)?.[1] ?? 0);
      // Only the line's form is this rule's business, and only a page the website makes (a numbered file) can be wrong.
      const formIsTheTrouble = theirs.pr.test(`- **PR**: ${ours.value}`);
      wrong = number !== undefined && !lineRead && formIsTheTrouble && linked > 0 && linked !== Number(number);
    } else {
      wrong = !lineRead;
    }
    assert.equal(reported.has(ours.range.start.line), wrong, `${label}: ${spec.label} on line ${ours.range.start.line + 1} (site: ${JSON.stringify(site)})`);
  }
  const t = doc.title;
  if (t && t.form === 'ok' && t.depth === 1 && /^\d+$/.test(t.number ?? '')) {
    const titleLine = text.split('\n')[t.range.start.line].replace(/\r$/, '');
    assert.equal(reported.has(t.range.start.line), !theirs.title.test(titleLine), `${label}: title`);
  }
}

const MARKERS = ['- ', '-', '-   ', '* ', '+ ', '  - ', '\t- ', '    * ', '1. ', ''];
const NAME_FORMS = [(n: string) => `**${n}**:`, (n: string) => `**${n}:**`, (n: string) => `__${n}__:`, (n: string) => `${n}:`, (n: string) => `**${n}** :`, (n: string) => `*${n}*:`];
const SPELLINGS: Record<string, string[]> = {
  status: ['Status', 'status', 'STATUS'],
  type: ['Type', 'type'],
  created: ['Created', 'created'],
  accepted: ['Accepted'],
  authors: ['Author(s)', 'Authors', 'Author', 'author(s)'],
  sponsor: ['Sponsor', 'sponsor'],
  pr: ['PR', 'pr', 'Pull Request'],
};
const VALUES: Record<string, string[]> = {
  status: ['Final', 'Draft', ''],
  type: ['Standards Track'],
  created: ['2026-03-14'],
  accepted: ['2026-04-01'],
  authors: ['Grace (@grace)', 'Grace (@grace),\n  Tom (@tom)', 'Grace,\n- Tom'],
  sponsor: ['@kind-maintainer', 'None'],
  pr: ['#5150', '#6001', 'https://github.com/o/r/pull/6001', 'https://github.com/o/r/pull/{5150}', 'see 6001'],
};
const CANON: Record<string, string> = { status: 'Status', type: 'Type', created: 'Created', authors: 'Author(s)', sponsor: 'Sponsor', pr: 'PR' };
const TITLES = ['# SEP-5150: Lantern Negotiation', '#  SEP-5150:   Lantern Negotiation', '  # SEP-5150: Lantern Negotiation', 'SEP-5150: Lantern Negotiation\n===', '# SEP-5150 : Lantern Negotiation', '# SEP-{NUMBER}: Lantern Negotiation', '## SEP-5150: Lantern Negotiation', '# SEP-5150:Lantern Negotiation'];

/** A SEP with one header field written as given, the others canonical; `echo` repeats the field canonically in the body, as leftover preambles do. */
function variant(key: string, line: string, title: string, eol: string, echo = false): string {
  const header = Object.entries(CANON).map(([k, label]) => (k === key ? line : `- **${label}**: ${k === 'pr' ? '#5150' : 'x'}`));
  if (key === 'accepted') header.splice(3, 0, line);
  const body = ['## Abstract', '', 'Lanterns agree on a colour before they light up.', ''];
  if (echo) body.push(`- **${CANON[key] ?? 'Accepted'}**: ${key === 'pr' ? '#7777' : 'Echo'}`, '');
  // Blank and whitespace-only lines before the header: the script's `^\s*` runs across them.
  return [title, '', ' ', '\t', '', ...header, '', ...body].join('\n').replace(/\n/g, eol);
}

test('website.ts reads every generated header variant and title as render-seps.ts does, and website-unreadable agrees', (t) => {
  const theirs = theirPatterns(t);
  if (!theirs) return;
  let n = 0;
  for (const key of Object.keys(SPELLINGS)) {
    for (const marker of MARKERS) {
      for (const form of NAME_FORMS) {
        for (const name of SPELLINGS[key]) {
          for (const value of VALUES[key]) {
            const line = `${marker}${form(name)}${value ? ` ${value}` : ''}`;
            const fileName = n % 3 ? '5150-lantern-negotiation.md' : 'lantern.md';
            for (const eol of ['\n', '\r\n', '\r', '\u2028']) {
              const text = variant(key, line, TITLES[n % TITLES.length], eol, n % 5 === 0);
              assertSameReading(theirs, text, JSON.stringify(text.slice(0, 200)));
              // Our parser, like CommonMark, breaks lines at \n and \r\n only (the \r\n documents are sampled: parsing is the slow part).
              if (eol === '\n' || (eol === '\r\n' && n % 7 === 0)) assertSameVerdict(theirs, text, fileName, JSON.stringify(text.slice(0, 200)));
            }
            n++;
          }
        }
      }
    }
  }
  for (const title of TITLES) {
    const text = variant('status', '- **Status**: Draft', title, '\n');
    assertSameReading(theirs, text, title);
    assertSameVerdict(theirs, text, '5150-lantern-negotiation.md', title);
  }
  assert.ok(n > 1000, `only ${n} header lines`);
});

test('website.ts reads every reference SEP as render-seps.ts does, and website-unreadable agrees', (t) => {
  const theirs = theirPatterns(t);
  const seps = theirs && referenceSeps(t);
  if (!theirs || !seps) return;
  for (const { fileName, text } of seps) {
    assertSameReading(theirs, text, fileName);
    assertSameVerdict(theirs, text, fileName, fileName);
  }
});
