import type { SepDocument } from '../types';
import { sepType } from './facts';
import { statusRequires } from './lifecycle';
import { field, valuePart } from './support';
import type { Rule } from './types';

/**
 * What SEP-2133 (Extensions) asks of an Extensions Track SEP: an extension
 * identifier `io.modelcontextprotocol/<name>` (official extensions use that
 * vendor prefix; the name follows the `_meta` key rules), the Working Group and
 * Extension Maintainers responsible for it, and a reference implementation in
 * an official SDK before review.
 */

const EXTENSIONS_TRACK = 'Extensions Track';

/** `_meta` name rules: alphanumeric at both ends; hyphens, underscores, dots and alphanumerics between. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const OFFICIAL_PREFIX = 'io.modelcontextprotocol';

/** Why an identifier is not `io.modelcontextprotocol/<name>`, or undefined when it is. */
export function identifierProblem(id: string): string | undefined {
  const slash = id.indexOf('/');
  if (slash === -1) return `has no vendor prefix: write it as "${OFFICIAL_PREFIX}/${NAME.test(id) ? id : '<name>'}"`;
  const prefix = id.slice(0, slash);
  const name = id.slice(slash + 1);
  if (prefix !== OFFICIAL_PREFIX) return `uses the prefix "${prefix}", but an extension made official by an Extensions Track SEP uses "${OFFICIAL_PREFIX}"`;
  if (!NAME.test(name)) return `has the name "${name}", which must start and end with a letter or digit and hold only letters, digits, hyphens, underscores and dots`;
  return undefined;
}

/** `extension-identifier`: the Extension Identifier field, validated (and only on Extensions Track SEPs). */
function extensionIdentifier(): Rule {
  return {
    id: 'extension-identifier',
    defaultSeverity: 'warning',
    description: 'An Extensions Track SEP\'s **Extension Identifier** reads `io.modelcontextprotocol/<name>` (SEP-2133); other types have none.',
    fixKinds: [],
    check(doc) {
      const f = field(doc, 'extension');
      const type = sepType(doc);
      if (!f || f.value.trim() === '' || !type) return [];
      if (type !== EXTENSIONS_TRACK) {
        return [{ range: f.range, message: `Only Extensions Track SEPs define an extension, but this SEP's Type is ${type}. Remove the Extension Identifier, or make the Type "Extensions Track".` }];
      }
      const m = /^(\s*`?)([^`\s]*)`?\s*$/.exec(f.value);
      const id = m ? m[2] : f.value.trim();
      const problem = identifierProblem(id);
      if (!problem) return [];
      const at = m ? m[1].length : 0;
      return [{ range: f.continuationLines ? f.valueRange : valuePart(doc, f, at, at + id.length), message: `The Extension Identifier "${id}" ${problem} (SEP-2133).` }];
    },
  };
}

/** Whether the SEP names its Working Group (or Interest Group) and its Extension Maintainers. */
function stewardsNamed(doc: SepDocument): { group: boolean; maintainers: boolean } {
  const header = doc.header.fields.map((f) => `${f.name}: ${f.value}`).join('\n');
  const prose = `${header}\n${doc.sections.map((s) => `${s.heading.text}\n${s.plainText}`).join('\n')}`;
  return {
    group: /\b(?:working|interest) group\b|\b[WI]Gs?\b/i.test(prose),
    maintainers: /\bextension maintainers?\b|\bmaintainers?\s*:/i.test(prose) || doc.header.fields.some((f) => /maintainers?/i.test(f.name)),
  };
}

/** Links to the official SDKs' repositories (`github.com/modelcontextprotocol/<language>-sdk`). */
function linksOfficialSdk(doc: SepDocument): boolean {
  const sdk = /github\.com\/modelcontextprotocol\/[\w.-]+-sdk\b/i;
  return (
    doc.linkTargets.some((t) => sdk.test(t.url)) ||
    doc.sections.some((s) => s.links.some((l) => sdk.test(l))) ||
    doc.header.fields.some((f) => sdk.test(f.value))
  );
}

const UNDER_REVIEW = ['In-Review', 'Accepted', 'Final'];

/** Extensions Track rules, in documentation order. */
export const EXTENSION_RULES: Rule[] = [
  extensionIdentifier(),
  statusRequires({
    id: 'extension-stewards',
    severity: 'information',
    description: 'An Extensions Track SEP in review or later names the Working Group and the Extension Maintainers responsible for the extension (SEP-2133).',
    statuses: UNDER_REVIEW,
    types: [EXTENSIONS_TRACK],
    met: (doc) => {
      const named = stewardsNamed(doc);
      return named.group && named.maintainers;
    },
    message: (status, doc) => {
      const named = stewardsNamed(doc);
      const missing = [named.group ? '' : 'the Working Group', named.maintainers ? '' : 'the Extension Maintainers'].filter(Boolean).join(' and ');
      return `Status is ${status}, but the SEP does not name ${missing} responsible for the extension. SEP-2133: "The SEP must identify the Working Group and Extension Maintainers that will be responsible for the extension."`;
    },
  }),
  statusRequires({
    id: 'extension-sdk-implementation',
    severity: 'information',
    description: 'An Extensions Track SEP in review or later links a reference implementation in an official SDK (SEP-2133).',
    statuses: UNDER_REVIEW,
    types: [EXTENSIONS_TRACK],
    met: linksOfficialSdk,
    message: (status) =>
      `Status is ${status}, but the SEP links no implementation in an official SDK (a github.com/modelcontextprotocol/<language>-sdk pull request or branch). SEP-2133: an Extensions Track SEP "MUST have at least one reference implementation in an official SDK prior to review".`,
  }),
];
