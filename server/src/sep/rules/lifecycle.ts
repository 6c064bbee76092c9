import type { SepDocument, Severity, StrayStatus } from '../types';
import { STATUS_VOCABULARY, matchValue, valueCore } from './values';
import { sepCreated, sepStatus, sepType } from './facts';
import { field } from './support';
import { findSection } from './section-model';
import type { Rule, RuleContext } from './types';
import { conformanceOf } from '../conformance';
import { sepNumberOf } from '../trace/skeleton';

/**
 * Rules about what a SEP must hold once its Status has moved on: a linked
 * implementation when Accepted or Final, conformance tests when Final, a
 * successor when Superseded. They report on the Status value, since that is
 * what makes the requirement apply.
 */

/** A requirement that comes with a Status (the parameters of {@link statusRequires}). */
export interface StatusRequirement {
  id: string;
  severity: Severity;
  description: string;
  /** Canonical statuses the requirement applies to. */
  statuses: readonly string[];
  /** Canonical Types it applies to; all Types when absent. */
  types?: readonly string[];
  /** Canonical Types exempt from it. */
  exemptTypes?: readonly string[];
  /** Applies only to SEPs whose Created date is this `YYYY-MM-DD` or later (unknown dates are skipped). */
  createdOnOrAfter?: string;
  /** Whether the document meets the requirement (`ctx` carries data the editor supplied, e.g. conformance status). */
  met(doc: SepDocument, ctx: RuleContext): boolean;
  /** What to tell the author, given the canonical status. */
  message(status: string, doc: SepDocument, ctx: RuleContext): string;
}

/** Kind: a requirement that comes with certain statuses; reported on the Status value when unmet. */
export function statusRequires(req: StatusRequirement): Rule {
  return {
    id: req.id,
    defaultSeverity: req.severity,
    description: req.description,
    fixKinds: [],
    check(doc, ctx) {
      const status = sepStatus(doc);
      if (!status || !req.statuses.includes(status.value)) return [];
      const type = sepType(doc);
      if (req.types && (!type || !req.types.includes(type))) return [];
      if (req.exemptTypes && type && req.exemptTypes.includes(type)) return [];
      if (req.createdOnOrAfter) {
        const created = sepCreated(doc);
        if (!created || created < req.createdOnOrAfter) return [];
      }
      if (req.met(doc, ctx)) return [];
      return [{ range: status.field.valueRange, message: req.message(status.value, doc, ctx), data: { status: status.value } }];
    },
  };
}

/** A GitHub reference (`#123`, `owner/repo#123`) readers can follow even when it is not a markdown link. */
const GITHUB_REF = /(?:^|[\s(])(?:[\w.-]+\/[\w.-]+)?#\d+\b/;

/**
 * Whether the Reference Implementation section points anywhere: a link or a
 * GitHub reference. Without that section, a section of any level whose
 * heading names an implementation or prototype (`### Implementation`) counts.
 */
export function referenceImplementationLinked(doc: SepDocument): boolean {
  const m = findSection(doc, 'Reference Implementation');
  const candidates = m ? [m.section] : doc.sections.filter((s) => s.heading.depth > 1 && /\b(implementation|prototype)s?\b/i.test(s.heading.text));
  if (candidates.some((s) => s.links.some((l) => !l.startsWith('#')) || GITHUB_REF.test(s.plainText))) return true;
  return (m !== undefined && NONE_NEEDED.test(m.section.plainText)) || implementationLinkedElsewhere(doc);
}

/** "No reference implementation is required", "has no reference implementation", "does not need an implementation" (not "... yet"). */
const NONE_NEEDED =
  /\b(?:no (?:reference )?implementation (?:is )?(?:required|needed|necessary)|(?:has|have|needs?|requires?) no (?:reference )?implementation\b(?! yet)|does not (?:require|need) (?:an? )?(?:reference )?implementation)/i;

/** Words that make a code link on the same line an implementation link (`implementation-defined` is not one). */
const IMPLEMENTATION_WORDS = /\b(?:implementation|implemented|prototype|proof of concept)s?\b(?!-)/i;

/** Where code lives: a link there can be an implementation; a link to a specification page cannot. */
const CODE_HOST = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\//i;

/**
 * Whether the header or body links an implementation outside that section: a header field named
 * for one (a `Prototype` table row) holding a URL, or a link to a code host on a line that speaks
 * of an implementation or prototype ("an end to end implementation of this [here](…)").
 */
function implementationLinkedElsewhere(doc: SepDocument): boolean {
  if (doc.header.fields.some((f) => IMPLEMENTATION_WORDS.test(f.name) && /https?:\/\//.test(f.value))) return true;
  const index = doc.lines;
  return doc.linkTargets.some((t) => CODE_HOST.test(t.url) && IMPLEMENTATION_WORDS.test(index.lineText(t.range.start.line)));
}

/**
 * Whether the SEP mentions its conformance tests (in prose or by linking the
 * conformance repository), or states that it has no observable protocol
 * behavior (exempt under the guidelines). HTML comments do not count.
 */
export function mentionsConformance(doc: SepDocument): boolean {
  const prose = doc.sections.map((s) => s.plainText).join('\n');
  const linked = doc.sections.some((s) => s.links.some((l) => /github\.com\/modelcontextprotocol\/conformance\b/i.test(l)));
  return linked || /\bconformance[\s-]+(tests?|scenarios?|suite|repository|repo)\b/i.test(prose) || noProtocolBehavior(doc);
}

/** Whether the SEP states that it has no observable protocol behavior (exempt from SEP-2484). */
function noProtocolBehavior(doc: SepDocument): boolean {
  return /\bno (new |observable )*protocol behaviou?r\b/i.test(doc.sections.map((s) => s.plainText).join('\n'));
}

/**
 * `conformance-tests` is met by an exemption statement; otherwise, once the editor has read the
 * conformance repository's traceability data, by the SEP having an entry there; without that data,
 * by the SEP mentioning its conformance tests.
 */
export function conformanceMet(doc: SepDocument, ctx: RuleContext): boolean {
  if (!ctx.conformance || sepNumberOf(doc) === undefined) return mentionsConformance(doc);
  return noProtocolBehavior(doc) || conformanceOf(doc, ctx.conformance) !== undefined;
}

function conformanceMessage(doc: SepDocument, ctx: RuleContext): string {
  const n = sepNumberOf(doc);
  if (!ctx.conformance || n === undefined) {
    return 'Final Standards Track SEPs need a merged conformance scenario (SEP-2484). Link it and its traceability file, or say why this SEP has no observable protocol behavior.';
  }
  return `Final Standards Track SEPs need a merged conformance scenario (SEP-2484), but ${ctx.conformance.repository} has no traceability data for SEP-${n} (src/seps/traceability.json lists no sep-${n}.yaml). Add the scenario and its traceability file there, or say why this SEP has no observable protocol behavior.`;
}

/** Whether a Superseded SEP names its successor: a Superseded-By field, or text saying what replaced it. */
export function namesSuccessor(doc: SepDocument): boolean {
  const successor = field(doc, 'superseded-by');
  if (successor && successor.value.trim() !== '') return true;
  const own = /^\d+$/.test(doc.title?.number ?? '') ? doc.title!.number! : 'none';
  const pointer = new RegExp(`\\b(superseded|replaced|obsoleted)\\s+by\\b[^.\\n]*?(\\bSEP-(?!${own}\\b)\\d+|https?://|\\]\\()`, 'i');
  return pointer.test(withoutComments(doc));
}

/** The document text with its HTML comments blanked out (line breaks kept). */
function withoutComments(doc: SepDocument): string {
  const index = doc.lines;
  const parts: string[] = [];
  let at = 0;
  for (const c of doc.comments) {
    const s = index.offset(c.range.start);
    const e = index.offset(c.range.end);
    if (s < at) continue;
    parts.push(doc.text.slice(at, s), doc.text.slice(s, e).replace(/[^\n]/g, ' '));
    at = e;
  }
  parts.push(doc.text.slice(at));
  return parts.join('');
}

const WHERE: Record<StrayStatus['in'], string> = {
  preamble: 'A second preamble',
  callout: 'A callout',
  table: 'A table',
  line: 'A line',
};

/**
 * `status-contradicted`: a Status or State written outside the header (a leftover second preamble,
 * a `> **State:** …` callout, a status table) that says something else than the header's Status.
 * A plain line elsewhere counts only when its value is a status word, since prose and
 * specifications describe `status` fields of their own.
 */
function statusContradicted(): Rule {
  return {
    id: 'status-contradicted',
    defaultSeverity: 'warning',
    description: 'No second preamble, callout or table in the SEP gives a Status other than the header\'s.',
    fixKinds: [],
    check(doc) {
      const status = sepStatus(doc);
      if (!status) return [];
      return doc.strayStatuses.flatMap((s) => {
        const m = matchValue(STATUS_VOCABULARY, valueCore(s.value).text);
        if (m.kind !== 'unknown' && m.value.toLowerCase() === status.value.toLowerCase()) return [];
        if (s.in === 'line' && m.kind === 'unknown') return [];
        return [{
          range: s.range,
          message: `${WHERE[s.in]} here says ${s.name} "${s.value}", but the header's Status is ${status.value}. Remove it (the header is the record the sponsor keeps up to date) or make it agree.`,
          data: { status: status.value },
        }];
      });
    },
  };
}

/** The lifecycle rules, in the order the registry documents them. */
export const LIFECYCLE_RULES: Rule[] = [
  statusRequires({
    id: 'reference-implementation-link',
    severity: 'warning',
    description: 'An Accepted or Final SEP does not link its reference implementation.',
    statuses: ['Accepted', 'Final'],
    exemptTypes: ['Informational'],
    met: referenceImplementationLinked,
    message: (s, doc) =>
      `Status is ${s}, but ${findSection(doc, 'Reference Implementation') ? 'the Reference Implementation section links to no implementation' : 'there is no Reference Implementation section'}. Link the prototype or implementation (a pull request, an SDK branch, a proof of concept) so reviewers can run it.`,
  }),
  statusRequires({
    id: 'conformance-tests',
    severity: 'information',
    description: 'A Final Standards Track SEP (created on or after 2026-03-27) does not mention its conformance tests, or has no traceability data in the conformance repository.',
    statuses: ['Final'],
    types: ['Standards Track'],
    createdOnOrAfter: '2026-03-27',
    met: conformanceMet,
    message: (_status, doc, ctx) => conformanceMessage(doc, ctx),
  }),
  statusRequires({
    id: 'superseded-successor',
    severity: 'warning',
    description: 'A Superseded SEP does not say which SEP replaced it.',
    statuses: ['Superseded'],
    met: namesSuccessor,
    message: () => 'Status is Superseded, but nothing says what replaced this SEP. Add "- **Superseded-By**: SEP-<number>" to the header, linking the newer SEP.',
  }),
  statusContradicted(),
];
