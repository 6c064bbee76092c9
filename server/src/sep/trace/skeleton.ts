import { normalisedWords } from './coverage';
import type { SepDocument } from '../types';
import type { NormativeStatement } from './types';
import { yamlLibrary } from './yaml';

/** Words kept in a suggested check id. */
const SLUG_WORDS = 5;

/** Where the draft points until the author names the specification section its requirements land in. */
export const DRAFT_SPEC_URL = 'https://modelcontextprotocol.io/specification/draft';

/**
 * A draft traceability file for a SEP in the conformance repository's format: `sep`, `spec_url` (by default the
 * draft specification, to be narrowed to the section the requirements land in) and one `requirements` row per
 * MUST- or SHOULD-level statement, with its `text` and a suggested `check: sep-<number>-<slug>` (unique within the
 * file). MAY-level statements are left out. A leading comment says what to review. Written with the `yaml`
 * library, so any text is quoted as YAML needs.
 */
export function traceabilitySkeleton(sepNumber: number, statements: NormativeStatement[], specUrl = DRAFT_SPEC_URL): string {
  const used = new Set<string>();
  const requirements = statements
    .filter((s) => s.level !== 'may')
    .map((s) => ({ check: uniqueCheck(`sep-${sepNumber}-${slug(s.text)}`, used), text: s.text }));
  const doc = new (yamlLibrary().Document)({ sep: sepNumber, spec_url: specUrl, requirements });
  doc.commentBefore =
    ' Draft from the SEP\'s MUST/SHOULD statements: point spec_url at the specification section, use the\n' +
    ' specification\'s wording in each text, name the checks after the conformance scenarios, and replace check\n' +
    ' with excluded (and why) for requirements no scenario can observe.';
  return doc.toString({ lineWidth: 0 });
}

/** The first few distinctive words of a statement, kebab-cased: `servers MUST return an error` → `server-return-error`. */
function slug(text: string): string {
  const words = [...normalisedWords(text)].filter((w) => w.length > 1 && !/^\d+$/.test(w)).slice(0, SLUG_WORDS);
  return words.length ? words.join('-') : 'requirement';
}

function uniqueCheck(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A SEP's number: from its title (`# SEP-2164: …`), else from its file name (`2164-resource-not-found.md`); none for `0000` or `XXXX`. */
export function sepNumberOf(doc: SepDocument): number | undefined {
  const fromTitle = doc.title?.number !== undefined && /^\d{1,9}$/.test(doc.title.number) ? doc.title.number : undefined;
  const n = fromTitle ?? /^(\d{1,9})-/.exec(doc.fileName ?? '')?.[1];
  return n === undefined || Number(n) === 0 ? undefined : Number(n);
}
