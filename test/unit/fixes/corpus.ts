import fc from 'fast-check';
import { lint, parseSep as parseWhole, type Finding, type SepDocument } from '../../../server/src/sep';
import { fixesFor, type FixContext } from '../../../server/src/sep/fixes';
import { LineIndex } from '../../../server/src/sep/text';
import { TODAY } from './helpers';

/** Parses the whole text afresh (the tests' view is independent of the engine's incremental parser). */
export function parseSep(text: string, options: { fileName?: string }): SepDocument {
  return parseWhole(text, options);
}

export { REFERENCE_DIR, referenceSeps, type RefSep } from '../../support/reference';

/** The text of a standard `##` section, heading to the end of its body. */
export function sectionSpan(doc: SepDocument, name: string): [number, number] | undefined {
  const m = doc.sectionModel.present.get(name);
  if (!m) return undefined;
  const index = new LineIndex(doc.text);
  return [index.offset({ line: m.section.heading.range.start.line, character: 0 }), index.offset(m.section.bodyRange.end)];
}

/** Removes the named standard sections (whole, subsections included). */
export function removeSections(text: string, fileName: string, names: string[]): string {
  const doc = parseSep(text, { fileName });
  const spans = names.map((n) => sectionSpan(doc, n)).filter((s): s is [number, number] => !!s).sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + out.slice(e);
  return out;
}

/** Puts the standard `##` sections in the order given by `perm` (indexes into their document order). */
export function shuffleSections(text: string, fileName: string, perm: number[]): string {
  const doc = parseSep(text, { fileName });
  const index = new LineIndex(text);
  const spans = [...doc.sectionModel.present.values()]
    .map((m) => [index.offset({ line: m.section.heading.range.start.line, character: 0 }), index.offset(m.section.bodyRange.end)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  if (spans.length < 2) return text;
  const chunks = spans.map(([s, e]) => {
    const c = text.slice(s, e);
    return c.endsWith('\n') ? c : `${c}\n`;
  });
  const order = perm.filter((i) => i < spans.length);
  for (let i = 0; i < spans.length; i++) if (!order.includes(i)) order.push(i);
  let out = text;
  for (let k = spans.length - 1; k >= 0; k--) out = out.slice(0, spans[k][0]) + chunks[order[k]] + out.slice(spans[k][1]);
  return out;
}

/** Ways to damage a header field or a heading, as authors do. */
export type Corruption =
  | { kind: 'status-case' }
  | { kind: 'type-variant' }
  | { kind: 'created-format' }
  | { kind: 'drop-field'; key: string }
  | { kind: 'field-form'; key: string }
  | { kind: 'near-miss' }
  | { kind: 'level' }
  | { kind: 'meaning-rename' }
  | { kind: 'status-synonym' }
  | { kind: 'swap-fields' }
  | { kind: 'empty-value'; key: string };

export const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.constant<Corruption>({ kind: 'status-case' }),
  fc.constant<Corruption>({ kind: 'type-variant' }),
  fc.constant<Corruption>({ kind: 'created-format' }),
  fc.constantFrom('status', 'type', 'created', 'authors', 'sponsor', 'pr').map((key): Corruption => ({ kind: 'drop-field', key })),
  fc.constantFrom('status', 'type', 'created', 'authors', 'sponsor').map((key): Corruption => ({ kind: 'field-form', key })),
  fc.constant<Corruption>({ kind: 'near-miss' }),
  fc.constant<Corruption>({ kind: 'level' }),
  fc.constant<Corruption>({ kind: 'meaning-rename' }),
  fc.constant<Corruption>({ kind: 'status-synonym' }),
  fc.constant<Corruption>({ kind: 'swap-fields' }),
  fc.constantFrom('status', 'type', 'created', 'sponsor').map((key): Corruption => ({ kind: 'empty-value', key })),
);

/** Headings of another name an author might give a standard section: renaming them back is a guess. */
const MEANING_RENAMES: Record<string, string> = { Abstract: 'Summary', Rationale: 'Design decisions', 'Backward Compatibility': 'Breaking Changes', 'Reference Implementation': 'Prototype Implementation' };

/** Applies one corruption (a no-op when the document lacks what it damages). */
export function corrupt(text: string, fileName: string, c: Corruption): string {
  const doc = parseSep(text, { fileName });
  const index = new LineIndex(text);
  const field = (key: string) => doc.header.fields.find((f) => f.key === key && f.continuationLines === 0);
  const replaceRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }, s: string) =>
    text.slice(0, index.offset(r.start)) + s + text.slice(index.offset(r.end));
  switch (c.kind) {
    case 'status-case': {
      const f = field('status');
      return f && f.value === 'Final' ? replaceRange(f.valueRange, 'final') : f && f.value === 'Draft' ? replaceRange(f.valueRange, 'draft') : text;
    }
    case 'type-variant': {
      const f = field('type');
      return f && f.value === 'Standards Track' ? replaceRange(f.valueRange, 'standards-track') : text;
    }
    case 'created-format': {
      const f = field('created');
      const m = f && /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.value);
      return f && m ? replaceRange(f.valueRange, `${m[1]}/${Number(m[2])}/${Number(m[3])}`) : text;
    }
    case 'drop-field': {
      const f = doc.header.fields.find((x) => x.key === c.key);
      if (!f || doc.header.style !== 'bullets') return text;
      return text.slice(0, index.offset({ line: f.range.start.line, character: 0 })) + text.slice(index.offset({ line: f.range.end.line + 1, character: 0 }));
    }
    case 'field-form': {
      // `- **Type**: x` → `* **Type:** x`, a line the MCP website cannot read.
      const f = field(c.key);
      if (!f || doc.header.style !== 'bullets') return text;
      return replaceRange({ start: { line: f.range.start.line, character: 0 }, end: f.valueRange.start }, `* **${f.name}:** `);
    }
    case 'near-miss': {
      const m = doc.sectionModel.present.get('Backward Compatibility') ?? doc.sectionModel.present.get('Security Implications');
      if (!m || m.kind !== 'exact') return text;
      return replaceRange(m.section.heading.textRange, m.spec.name === 'Backward Compatibility' ? 'Backwards Compatibility' : 'Security Considerations');
    }
    case 'meaning-rename': {
      const m = [...doc.sectionModel.present.values()].find((x) => x.kind === 'exact' && MEANING_RENAMES[x.spec.name]);
      return m ? replaceRange(m.section.heading.textRange, MEANING_RENAMES[m.spec.name]) : text;
    }
    case 'status-synonym': {
      const f = field('status');
      return f ? replaceRange(f.valueRange, f.value === 'Final' ? 'Done' : 'Approved') : text;
    }
    case 'swap-fields': {
      const a = field('status');
      const b = field('type');
      if (!a || !b || doc.header.style !== 'bullets' || b.range.start.line !== a.range.start.line + 1) return text;
      const la = index.lineText(a.range.start.line);
      const lb = index.lineText(b.range.start.line);
      return replaceRange({ start: { line: a.range.start.line, character: 0 }, end: { line: b.range.start.line, character: lb.length } }, `${lb}\n${la}`);
    }
    case 'empty-value': {
      const f = field(c.key);
      return f && doc.header.style === 'bullets' ? replaceRange(f.valueRange, '') : text;
    }
    case 'level': {
      const m = doc.sectionModel.present.get('Rationale');
      if (!m) return text;
      const line = m.section.heading.range.start.line;
      const lt = index.lineText(line);
      return /^##\s/.test(lt) ? replaceRange({ start: { line, character: 0 }, end: { line, character: 2 } }, '###') : text;
    }
  }
}

/** Lines an author wrote outside the title, header fields and headings: trimmed, non-blank, as a multiset. */
export function bodyLines(text: string, fileName: string, doc = parseSep(text, { fileName })): Map<string, number> {
  const skip = new Set<number>();
  const mark = (r: { start: { line: number }; end: { line: number } }) => {
    for (let l = r.start.line; l <= r.end.line; l++) skip.add(l);
  };
  if (doc.title) mark(doc.title.range);
  doc.headings.forEach((h) => mark(h.range));
  doc.header.fields.forEach((f) => mark(f.range));
  const out = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!skip.has(i) && t) out.set(t, (out.get(t) ?? 0) + 1);
  });
  return out;
}

/** Lines of `before` missing (or fewer) in `after`. */
export function lostLines(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...before].filter(([l, n]) => (after.get(l) ?? 0) < n).map(([l]) => l);
}

/** Lint with the test's fixed day. */
export function check(text: string, fileName: string, doc = parseSep(text, { fileName })): Finding[] {
  return lint(doc, { today: TODAY });
}

export const FIX_CTX: FixContext = { today: TODAY };

/** Fixes offered for a finding, for the text it was found in. */
export function offered(f: Finding) {
  return fixesFor(f, FIX_CTX);
}
