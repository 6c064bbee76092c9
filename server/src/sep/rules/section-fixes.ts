import type { Range, SepDocument, SepHeading, TextEdit } from '../types';
import type { Fix, FixKind } from './types';

/** Text positions and quick fixes for headings: rename the heading text, change the `#` marks. */

/** The heading's text after any numbering (`1.`), i.e. the words a rename replaces. */
export function nameRange(doc: SepDocument, h: SepHeading): Range {
  const index = doc.lines;
  let start = index.offset(h.textRange.start);
  const end = index.offset(h.textRange.end);
  if (h.numbering && doc.text.startsWith(h.numbering, start)) {
    start += h.numbering.length;
    while (start < end && /[ \t]/.test(doc.text[start])) start++;
  }
  return index.range(start, end);
}

/**
 * `Rename to "<name>"`: replaces the heading's words, keeping its `#` marks and numbering.
 * @param kind `certain` only when the rename corrects the spelling of the name, not its meaning
 */
export function renameFix(doc: SepDocument, h: SepHeading, name: string, kind: FixKind): Fix {
  return { title: kind === 'certain' ? `Rename to "${name}"` : `Rename to "${name}" (check that it is meant as that section)`, kind, edits: [{ range: nameRange(doc, h), newText: name }] };
}

/**
 * Makes a heading a level-2 (`##`) heading. An ATX heading gets its `#`
 * marks replaced; a setext heading (text underlined with `===`) gets `## `
 * before its text and loses the underline, which is markup, not text.
 */
export function levelFix(doc: SepDocument, h: SepHeading): Fix | undefined {
  const index = doc.lines;
  const title = 'Make it a level-2 heading (##)';
  const line = h.range.start.line;
  if (!h.setext) {
    const m = /^( {0,3})(#{1,6})/.exec(index.lineText(line));
    if (!m) return undefined;
    const range = { start: { line, character: m[1].length }, end: { line, character: m[1].length + m[2].length } };
    return { title, kind: 'certain', edits: [{ range, newText: '##' }] };
  }
  const underline = h.range.end.line;
  if (underline === line) return undefined;
  const edits: TextEdit[] = [
    { range: { start: h.textRange.start, end: h.textRange.start }, newText: '## ' },
    { range: { start: index.position(index.lineEnd(underline - 1)), end: index.position(index.lineEnd(underline)) }, newText: '' },
  ];
  return { title, kind: 'certain', edits };
}

/** Where in the text a phrase occurs (case-insensitive; any whitespace, or a blockquote `>` on a new line, between words), outside HTML comments. */
export function locatePhrase(doc: SepDocument, phrase: string, within?: Range): Range | undefined {
  const index = doc.lines;
  const from = within ? index.offset(within.start) : 0;
  const to = within ? index.offset(within.end) : doc.text.length;
  const words = phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(words.join('[\\s>]+'), 'gi');
  const hay = doc.text.slice(from, to);
  for (const m of hay.matchAll(re)) {
    const range = index.range(from + m.index, from + m.index + m[0].length);
    const inComment = doc.comments.some(
      (c) => index.offset(c.range.start) <= from + m.index && from + m.index < index.offset(c.range.end),
    );
    if (!inComment) return range;
  }
  return undefined;
}
