import { newSepText } from '../../common/scaffold';
import { IncrementalMarkdownParser, lint, parseSep } from './sep';

/**
 * Work for a freshly started server while it waits for its first document: the SEP check of a document of our own,
 * a section at a time, so that V8 has compiled the parser and the rules before a real document arrives.
 *
 * Measured in code-server opening the largest reference SEP, the editor starts the server 0.4–1 s before it sends
 * the document, and the first check then took 0.9–1.2 s, three times its time over stdio: the parser ran in V8's
 * interpreter while the editor, its extension host and VS Code's own Markdown server took the two CPUs. The warm-up
 * uses that wait. Each step is one parse and check of a few KB (a few ms once compiled, tens of ms before), and the
 * server stops warming up as soon as a document opens.
 */
/** How many warm-up steps have run, of how many. */
export interface WarmUpProgress {
  ran: number;
  of: number;
}

/**
 * Runs the warm-up one step per turn of the event loop (`defer`), so that messages are read in between, until
 * `done` says a document has come. The progress object it returns is kept current.
 */
export function startWarmUp(defer: (fn: () => void) => void, done: () => boolean): WarmUpProgress {
  const steps = warmUpSteps();
  const progress: WarmUpProgress = { ran: 0, of: steps.length };
  const next = (): void => {
    const step = steps.shift();
    if (!step || done()) return;
    try {
      step();
    } catch {
      // Nothing depends on the warm-up; a failure shows in the real checks.
      return;
    }
    progress.ran++;
    defer(next);
  };
  defer(next);
  return progress;
}

function warmUpSteps(): (() => void)[] {
  const text = warmUpText();
  const parser = new IncrementalMarkdownParser();
  const fileName = '0000-warm-up.md';
  // The growing document: each step adds a section and checks it again, as typing does.
  const cuts: number[] = [];
  for (let at = text.indexOf('\n## '); at !== -1; at = text.indexOf('\n## ', at + 1)) cuts.push(at + 1);
  cuts.push(text.length);
  // The parse and the check are separate steps: the first ones run before V8 has compiled anything, and a message
  // waits for the step in progress.
  let doc: ReturnType<typeof parseSep> | undefined;
  const check = () => void lint(doc!, { today: '2026-01-01' });
  const steps = cuts.flatMap((end) => [() => void (doc = parseSep(text.slice(0, end), { fileName, parser })), check]);
  // Then the whole document in a new parser, as opening a document does.
  steps.push(() => void (doc = parseSep(text, { fileName, parser: new IncrementalMarkdownParser() })), check);
  return steps;
}

/** The New SEP scaffold, with each section given the kinds of Markdown SEPs hold: prose, lists, tables, code, links. */
export function warmUpText(): string {
  const { text } = newSepText({
    title: 'Warm-up example',
    type: 'Standards Track',
    authors: 'Ada Example <ada@example.com> (@ada-example)',
    sponsor: '@sponsor-example',
    created: '2026-01-01',
  });
  const body = [
    'This proposal adds a **capability** that *clients* and `servers` negotiate during `initialize`, as SEP-1 and',
    '[SEP-2](https://modelcontextprotocol.io/seps/2) describe; see https://example.com/spec for the background.',
    '',
    '- A server MUST declare the capability.',
    '  - Nested: a client SHOULD ignore unknown fields.',
    '1. First step with `code` and a [link][ref].',
    '2. Second step ~~struck~~ and a footnote[^note].',
    '',
    '| Field | Type | Required |',
    '| --- | --- | --- |',
    '| `name` | string | yes |',
    '| `items` | array | no |',
    '',
    '```json',
    '{ "jsonrpc": "2.0", "method": "tools/list", "params": { "cursor": "abc" } }',
    '```',
    '',
    '> **Note:** a quoted remark with <kbd>HTML</kbd> inline.',
    '',
    '<!-- a comment the author left -->',
    '',
    '### A subsection',
    '',
    'More prose: the requirement applies to every request, and implementations MAY cache results.',
    '',
    '[ref]: https://example.com/reference',
    '[^note]: The footnote.',
  ].join('\n');
  // Every section gets the body in place of its guidance comment.
  return text.replace(/<!--[^]*?-->/g, body);
}
