import type { HeaderField, SepDocument } from '../types';
import { fileNumber } from './numbers';
import { checkable, field, realNumber } from './support';
import { STATUS_VOCABULARY, TYPE_VOCABULARY, matchValue, valueCore, type Vocabulary } from './values';

/**
 * Facts about a SEP's header that the section and lifecycle rules decide on:
 * its Status, Type and Created date, each in canonical form, read the way the
 * value rules read them (`**Final**`, `final`, `Final (2025-11-25)` are all
 * Final). A value that cannot be understood yields `undefined`, so rules that
 * depend on it stay quiet (the value rules report the bad value itself).
 */

function canonical(doc: SepDocument, vocabulary: Vocabulary): { field: HeaderField; value: string } | undefined {
  const f = checkable(doc, vocabulary.key);
  if (!f) return undefined;
  const m = matchValue(vocabulary, valueCore(f.value).text);
  return m.kind === 'unknown' ? undefined : { field: f, value: m.value };
}

/** The Status field and its canonical value (`Final`, `In-Review`, ...), when recognisable. */
export function sepStatus(doc: SepDocument): { field: HeaderField; value: string } | undefined {
  return canonical(doc, STATUS_VOCABULARY);
}

/** The canonical Type (`Standards Track`, `Process`, ...), when recognisable. */
export function sepType(doc: SepDocument): string | undefined {
  return canonical(doc, TYPE_VOCABULARY)?.value;
}

/** The Created date as `YYYY-MM-DD` when the field holds one, else undefined. */
export function sepCreated(doc: SepDocument): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(field(doc, 'created')?.value ?? '');
  return m?.[1];
}

/**
 * Where the SEP stands in the file-based workflow: `unnumbered` while it is a
 * draft without its pull request (`0000-<slug>.md`, `SEP-{NUMBER}`), `numbered`
 * once the file name or the title carries a real number, `undefined` when the
 * document says neither (no file name and no number in the title).
 */
export function sepStage(doc: SepDocument): 'unnumbered' | 'numbered' | undefined {
  if (fileNumber(doc) || realNumber(doc.title?.number)) return 'numbered';
  if (/^0+-/.test(doc.fileName ?? '') || doc.title?.number !== undefined) return 'unnumbered';
  return undefined;
}

/**
 * Whether the SEP is from the issue-based era (2025): the body of a GitHub
 * issue, or a header under a `Preamble` heading. Such SEPs had no pull
 * request, and their title was the issue's title.
 */
export function issueEra(doc: SepDocument): boolean {
  return doc.origin?.kind === 'issue' || doc.header.preamble !== undefined;
}
