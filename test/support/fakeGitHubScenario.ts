/**
 * The default scenario of the fake GitHub server: a specification repository with ~230 open issues
 * and pull requests (three pages at per_page=100), of which a realistic handful are SEPs in every
 * lifecycle state, plus closed SEPs, near-miss titles and SEP pull requests with files.
 * All titles and texts are invented for these tests.
 */

/** A file changed by a fake pull request. */
export interface FakeFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** The file's text at the head commit (absent for removed files). */
  content?: string;
}

/** One issue or pull request of the fake repository. */
export interface FakeIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  body: string;
  comments?: number;
  /** Present for pull requests. */
  pull?: { headSha: string; headRef: string; files: FakeFile[] };
}

/** A repository the fake serves. */
export interface FakeRepo {
  owner: string;
  repo: string;
  id: number;
  issues: FakeIssue[];
  /** Files on the default branch by path (`src/seps/traceability.json`), served by the contents API without `ref`. */
  files?: Record<string, string>;
}

const DAY = 86_400_000;

/** An ISO timestamp `days` before `now`. */
export function daysAgo(now: number, days: number): string {
  return new Date(now - days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A SEP file in the template's shape; `omit` drops sections so the language server has something to say. */
export function sepMarkdown(o: { number: number | string; title: string; status: string; author: string; sponsor: string; omit?: string[] }): string {
  const sections: Array<[string, string]> = [
    ['Abstract', `This proposal adds ${o.title.toLowerCase()} to the protocol in a backward compatible way.`],
    ['Motivation', 'Clients and servers currently work around this gap with vendor extensions that do not interoperate.'],
    ['Specification', 'A server that supports the feature MUST advertise it during initialization.\n\n```json\n{ "capabilities": { "example": {} } }\n```'],
    ['Rationale', 'We compared two designs and chose the one that needs no new round trip.'],
    ['Backward Compatibility', 'Peers that do not advertise the capability keep the current behaviour.'],
    ['Security Implications', 'No new data crosses the trust boundary.'],
    ['Reference Implementation', 'A prototype branch of the TypeScript SDK exists.'],
  ];
  const header = [
    `# SEP-${o.number}: ${o.title}`,
    '',
    `- **Status**: ${o.status}`,
    '- **Type**: Standards Track',
    '- **Created**: 2026-05-04',
    `- **Author(s)**: ${o.author} (@${o.author})`,
    `- **Sponsor**: ${o.sponsor}`,
    `- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/${o.number}`,
  ];
  const body = sections.filter(([name]) => !o.omit?.includes(name)).map(([name, text]) => `## ${name}\n\n${text}`);
  return `${header.join('\n')}\n\n${body.join('\n\n')}\n`;
}

interface SepSeed {
  number: number;
  title: string;
  labels: string[];
  user: string;
  assignees?: string[];
  created: number;
  updated: number;
  files?: FakeFile[];
  state?: 'open' | 'closed';
}

function sepSeeds(): SepSeed[] {
  const file = (n: number, slug: string, title: string, status: string, omit?: string[], author = 'ada-lovelace', sponsor = '@grace-hopper'): FakeFile => ({
    filename: `seps/${n}-${slug}.md`,
    status: 'added',
    content: sepMarkdown({ number: n, title, status, author, sponsor, omit }),
  });
  return [
    { number: 2031, title: 'SEP-2031: Streaming partial tool results', labels: ['SEP', 'draft'], user: 'ada-lovelace', assignees: ['grace-hopper'], created: 40, updated: 3,
      files: [file(2031, 'streaming-partial-tool-results', 'Streaming partial tool results', 'Draft', [], 'ada-lovelace'), { filename: 'docs/specification/draft/server/tools.mdx', status: 'modified', content: '# Tools\n' }] },
    { number: 2044, title: 'SEP-2044 - Resource subscriptions with filters', labels: ['SEP', 'proposal'], user: 'linus-t', created: 130, updated: 120,
      files: [file(2044, 'resource-subscription-filters', 'Resource subscriptions with filters', 'Draft', ['Motivation'], 'linus-t', 'None')] },
    { number: 1968, title: 'SEP: Cost hints for tool annotations', labels: ['proposal'], user: 'margaret-h', created: 260, updated: 200,
      files: [{ filename: 'seps/0000-tool-cost-hints.md', status: 'added', content: sepMarkdown({ number: '0000', title: 'Cost hints for tool annotations', status: 'Proposal', author: 'margaret-h', sponsor: 'None' }) }] },
    { number: 1990, title: 'SEP-1990: Server identity metadata', labels: ['SEP', 'in-review'], user: 'alan-turing', assignees: ['barbara-liskov'], created: 150, updated: 6 },
    { number: 1975, title: 'SEP-1975: Elicitation timeouts', labels: ['SEP', 'accepted'], user: 'katherine-j', assignees: ['grace-hopper'], created: 170, updated: 45,
      files: [file(1975, 'elicitation-timeouts', 'Elicitation timeouts', 'Accepted')] },
    { number: 2002, title: 'SEP-2002: Batch sampling requests', labels: ['SEP', 'draft'], user: 'dennis-r', assignees: ['ken-thompson'], created: 140, updated: 100,
      files: [file(2002, 'batch-sampling', 'Batch sampling requests', 'Draft'), file(2002, 'batch-sampling-appendix', 'Batch sampling requests appendix', 'Draft')] },
    { number: 2057, title: 'Structured logging levels for servers', labels: ['SEP'], user: 'edsger-d', created: 12, updated: 1 },
    { number: 1941, title: 'SEP-1941: Deprecate the legacy SSE transport', labels: ['SEP', 'final'], user: 'john-mccarthy', assignees: ['barbara-liskov'], created: 300, updated: 2,
      files: [file(1941, 'deprecate-legacy-sse', 'Deprecate the legacy SSE transport', 'Final')] },
    { number: 1902, title: 'SEP-1902: Client-side caching hints', labels: ['SEP', 'dormant'], user: 'frances-a', created: 320, updated: 190 },
    { number: 1955, title: 'SEP-1955: Typed error payloads', labels: ['SEP', 'withdrawn'], user: 'niklaus-w', created: 200, updated: 20 },
    { number: 2066, title: 'SEP-2066: Progress notifications for prompts', labels: ['SEP', 'draft', 'in-review'], user: 'ada-lovelace', assignees: ['ken-thompson'], created: 30, updated: 0.2,
      files: [file(2066, 'prompt-progress', 'Progress notifications for prompts', 'In-Review')] },
    { number: 2071, title: 'SEP-2071: <img src=x onerror=alert(1)> **Markdown** [link](command:workbench.action.quit)', labels: ['SEP', 'proposal'], user: 'mallory', created: 5, updated: 5 },
    { number: 1880, title: 'SEP-1880: Roots change notifications', labels: ['SEP', 'rejected'], user: 'alan-kay', created: 400, updated: 60, state: 'closed' },
    { number: 1911, title: 'SEP-1911: Closed proposal that must not show', labels: ['SEP', 'proposal'], user: 'alan-kay', created: 380, updated: 300, state: 'closed' },
  ];
}

const FILLER_TITLES = [
  'Clarify %s in the specification text',
  'Fix broken link in %s docs',
  'Docs: link to SEP-2031 from the %s page',
  'Separate %s examples into their own page',
  'Typo in %s schema description',
  'Question: how should clients handle %s?',
  'Add %s example to the TypeScript schema',
];
const TOPICS = ['pagination', 'cancellation', 'progress', 'sampling', 'roots', 'prompts', 'resources', 'logging', 'completion', 'elicitation', 'transports'];
const FILLER_LABELS = [['documentation'], ['bug'], ['enhancement'], [], ['question'], ['good first issue', 'documentation']];

function toIssue(now: number, seed: SepSeed): FakeIssue {
  return {
    number: seed.number,
    title: seed.title,
    state: seed.state ?? 'open',
    user: seed.user,
    labels: seed.labels,
    assignees: seed.assignees ?? [],
    createdAt: daysAgo(now, seed.created),
    updatedAt: daysAgo(now, seed.updated),
    body: `## Abstract\n\nInvented proposal for tests: ${seed.title}.\n\n## Motivation\n\nWritten for the fake server.\n`,
    comments: seed.number % 17,
    pull: seed.files ? { headSha: headSha(seed.number), headRef: `sep-${seed.number}`, files: seed.files } : undefined,
  };
}

/** A deterministic 40-hex commit id for a pull request. */
export function headSha(number: number): string {
  return (number.toString(16).padStart(8, '0') + 'c0ffee').repeat(3).slice(0, 40);
}

/** The default repository: `modelcontextprotocol/modelcontextprotocol`, ~235 open items, 12 open SEPs. */
export function defaultRepo(now: number = Date.now()): FakeRepo {
  const seeds = sepSeeds();
  const taken = new Set(seeds.map((s) => s.number));
  const issues = seeds.map((seed) => toIssue(now, seed));
  for (let i = 0; i < 224; i++) {
    let number = 1700 + i * 2;
    while (taken.has(number)) number++;
    taken.add(number);
    const isPull = i % 3 === 0;
    issues.push({
      number,
      title: FILLER_TITLES[i % FILLER_TITLES.length].replace('%s', TOPICS[i % TOPICS.length]),
      state: 'open',
      user: `contributor-${i % 23}`,
      labels: FILLER_LABELS[i % FILLER_LABELS.length],
      assignees: i % 5 === 0 ? ['triager'] : [],
      createdAt: daysAgo(now, 500 - i * 2),
      updatedAt: daysAgo(now, (i * 7) % 90),
      body: `Filler item ${i} of the fake repository.`,
      pull: isPull ? { headSha: headSha(number), headRef: `fix-${number}`, files: [{ filename: 'docs/README.md', status: 'modified', content: 'docs\n' }] } : undefined,
    });
  }
  return { owner: 'modelcontextprotocol', repo: 'modelcontextprotocol', id: 862584018, issues };
}
