import fc from 'fast-check';

/** Our own filler words for generated SEPs. */
const WORDS = ['weather', 'forecast', 'server', 'client', 'tide', 'request', 'cache', 'token', 'stream', 'schema', 'field', 'retry', 'agent', 'method', 'result'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }).map((w) => `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));

/** A section body: prose, and sometimes a list, a subsection, a comment or a code block holding a heading. */
const body = fc.tuple(
  fc.array(sentence, { minLength: 1, maxLength: 3 }),
  fc.option(fc.constantFrom(
    '- first point about the cache\n- second point about the token',
    '### Details\n\nThe server keeps a stream open.',
    '<!-- note to self: check the schema -->',
    '```md\n## Rationale\n# SEP-1: not a title\n```',
    '| Field | Meaning |\n| --- | --- |\n| tide | height of water |',
  ), { nil: undefined }),
).map(([prose, extra]) => [prose.join(' '), ...(extra ? [extra] : [])].join('\n\n'));

const SECTION_NAMES: [string, string[]][] = [
  ['Abstract', ['Abstract', 'abstract', 'Abstract:', 'Summary']],
  ['Motivation', ['Motivation', 'Motivations']],
  ['Specification', ['Specification', '1. Specification', 'Spec']],
  ['Rationale', ['Rationale', 'Design Rationale']],
  ['Backward Compatibility', ['Backward Compatibility', 'Backwards Compatibility']],
  ['Security Implications', ['Security Implications', 'Security Considerations']],
  ['Reference Implementation', ['Reference Implementation', 'Reference Implementations']],
  ['Open Questions', ['Open Questions']],
  ['Appendix', ['Appendix']],
];

const section = fc.tuple(fc.integer({ min: 0, max: SECTION_NAMES.length - 1 }), fc.nat(), fc.constantFrom('##', '##', '##', '###', '#'), body)
  .map(([i, v, level, text]) => {
    const names = SECTION_NAMES[i][1];
    return `${level} ${names[v % names.length]}\n\n${text}`;
  });

const FIELD_VARIANTS: [string, string[]][] = [
  ['Status', ['Draft', 'draft', 'In Review', 'approved', 'Final', 'Pondering', '']],
  ['Type', ['Standards Track', 'standards track', 'extension', 'Process', 'Informational', 'Sideways']],
  ['Created', ['2026-01-15', '2026/1/15', 'January 15, 2026', '2031-01-01', 'YYYY-MM-DD']],
  ['Author(s)', ['Ada Example <ada@example.org> (@ada-example)', 'Ada Example, Bob Sample (@bob)', 'Name <email> (@github-username)']],
  ['Sponsor', ['@sponsor-one', 'None', 'sponsor-one']],
  ['PR', ['#4242', '4242', 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/4242', '#4243']],
  ['Issue', ['#4242']],
];

const header = fc.array(fc.tuple(fc.integer({ min: 0, max: FIELD_VARIANTS.length - 1 }), fc.nat()), { maxLength: 8 })
  .map((picks) => picks.map(([i, v]) => {
    const [label, values] = FIELD_VARIANTS[i];
    return `- **${label}**: ${values[v % values.length]}`.trimEnd();
  }));

const title = fc.constantFrom('# SEP-4242: Weather reports', '# SEP 4242 - Weather reports', '# SEP-4243: Weather reports', '# SEP-{NUMBER}: Weather reports', '');

/** A generated SEP: file name and text (LF or CRLF, with or without a final newline). */
export const generatedSep = fc.record({
  fileName: fc.constantFrom('4242-weather-reports.md', '0000-weather-reports.md'),
  title,
  header,
  sections: fc.array(section, { maxLength: 10 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
}).map(({ fileName, title: t, header: h, sections, crlf, finalNewline }) => {
  const parts = [t, h.join('\n'), ...sections].filter((p) => p !== '');
  let text = parts.join('\n\n') + (finalNewline ? '\n' : '');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return { fileName, text };
});
