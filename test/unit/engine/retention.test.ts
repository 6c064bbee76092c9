import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Root } from 'mdast';
import { IncrementalMarkdownParser, lint, parseSep } from '../../../server/src/sep';
import { TODAY, doc } from '../rules/helpers';

// The server keeps every open document's model but the parse trees of only a few
// (analysis.ts): a model that kept its tree alive would undo that, about 5 MB of
// peak RSS over the reference SEPs. Nothing else tells: the findings are the same.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Records the top-level nodes of each tree it returns, without keeping them alive. */
class RecordingParser extends IncrementalMarkdownParser {
  nodes: WeakRef<object>[] = [];
  override parse(text: string): Root {
    const root = super.parse(text);
    this.nodes = [new WeakRef(root), new WeakRef(root.children), ...root.children.map((n) => new WeakRef(n))];
    return root;
  }
}

// A document with the blocks the model keeps facts about: links, mentions, comments, nested sections, a table.
const TEXT = doc({
  body: [
    '## Abstract',
    '',
    'A short abstract with a [link](https://example.org) and SEP-12.',
    '',
    '## Motivation',
    '',
    'Why. <!-- a comment -->',
    '',
    '### Details',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
  ].join('\n'),
});

test('a document model does not keep its parse tree alive once the parser lets it go', async () => {
  let parser: RecordingParser | undefined = new RecordingParser();
  const model = parseSep(TEXT, { parser });
  const nodes = parser.nodes;
  const alive = () => nodes.filter((n) => n.deref() !== undefined).length;
  // Ask for everything computed on demand, as the rules do.
  lint(model, { today: TODAY });
  for (const s of model.sections) assert.equal(typeof s.wordCount + typeof s.plainText, 'numberstring');
  assert.ok(alive() > 3, 'the parser holds the tree while it caches the chunks');
  parser = undefined;
  for (let i = 0; i < 5 && alive(); i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  assert.equal(alive(), 0, 'parts of the parse tree are still reachable from the document model');
  assert.ok(model.sections.some((s) => s.wordCount > 0), 'the model still answers');
});
