/** Small SEPs of our own for the CLI tests: a complete draft, then variants with one known finding. */

const SECTIONS = ['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation'];

/** SEP-42 as a complete draft, with the given Status and without the given sections. */
export function tideTables(options: { status?: string; without?: string[] } = {}): string {
  return [
    '# SEP-42: Tide tables',
    '',
    `- **Status**: ${options.status ?? 'Draft'}`,
    '- **Type**: Standards Track',
    '- **Created**: 2026-01-15',
    '- **Author(s)**: Ada Example <ada@example.org> (@ada-example)',
    '- **Sponsor**: @sam-sample',
    '- **PR**: #42',
    '',
    ...SECTIONS.filter((h) => !options.without?.includes(h)).flatMap((h) => [`## ${h}`, '', `Text of ${h}.`, '']),
  ].join('\n');
}

/** A complete SEP but for its Rationale section: its one finding is a section-missing warning. */
export const ONE_WARNING = tideTables({ without: ['Rationale'] });

/** A complete SEP whose one finding has a certain fix: the Status spelled `draft`. */
export const FIXABLE = tideTables({ status: 'draft' });
