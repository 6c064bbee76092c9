import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesOf } from './helpers';
import { BODIES, ORDER, applyFix, lineOf, range, run, sections, sepText } from './section-helpers';

const without = (...names: string[]) => ORDER.filter((n) => !names.includes(n));
const TITLE = '# SEP-4242: Widget Ping Timeout';

test('section-missing: one finding per absent section, on the title line, naming the section', () => {
  const found = run('section-missing', sepText({ body: sections(without('Motivation', 'Rationale')) }));
  assert.deepEqual(found.map((f) => f.data), [{ section: 'Motivation' }, { section: 'Rationale' }]);
  assert.equal(found[0].rule, 'section-missing');
  assert.deepEqual(found[0].range, range(0, 0, 0, TITLE.length));
  assert.match(found[0].message, /Add a "## Motivation" section/);
});

test('section-missing: without a title the finding sits on the first line', () => {
  const text = `Some intro line\n\n${sections(without('Abstract'))}`;
  const found = run('section-missing', text);
  assert.deepEqual(found.map((f) => f.data?.section), ['Abstract']);
  assert.deepEqual(found[0].range, range(0, 0, 0, 'Some intro line'.length));
});

test('section-missing: silent on a complete SEP, on near-miss names and on wrong heading levels', () => {
  assert.deepEqual(run('section-missing', sepText()), []);
  const body = sections(ORDER, {
    'Backward Compatibility': '## Backwards Compatibility\n\nNothing breaks.\n',
    Rationale: '### Rationale\n\nSimpler.\n',
  });
  assert.deepEqual(run('section-missing', sepText({ body })), []);
});

test('section-missing: Process SEPs may omit Backward Compatibility, Informational SEPs also Reference Implementation', () => {
  const noBc = sections(without('Backward Compatibility'));
  assert.deepEqual(run('section-missing', sepText({ type: 'Process', body: noBc })), []);
  assert.deepEqual(run('section-missing', sepText({ type: 'Standards Track', body: noBc })).map((f) => f.data?.section), ['Backward Compatibility']);
  const noBcRi = sections(without('Backward Compatibility', 'Reference Implementation'));
  assert.deepEqual(run('section-missing', sepText({ type: 'Informational', body: noBcRi })), []);
  assert.deepEqual(run('section-missing', sepText({ type: 'Process', body: noBcRi })).map((f) => f.data?.section), ['Reference Implementation']);
});

test('section-missing: points at a subsection that looks like the missing section', () => {
  const body = sections(without('Security Implications'), { Specification: '## Specification\n\nText.\n\n### Security Considerations\n\nNone.\n' });
  const text = sepText({ body });
  const found = run('section-missing', text);
  assert.deepEqual(found.map((f) => f.data?.section), ['Security Implications']);
  assert.match(found[0].message, new RegExp(`### "Security Considerations" heading on line ${lineOf(text, '### Security Considerations') + 1} may be meant as this section`));
});

test('section-near-miss: reports the heading and renames only its text', () => {
  const text = sepText({ body: sections(ORDER, { 'Backward Compatibility': '## Backwards Compatibility\n\nNothing breaks.\n' }) });
  const line = lineOf(text, '## Backwards Compatibility');
  const [f, ...rest] = run('section-near-miss', text);
  assert.equal(rest.length, 0);
  assert.equal(f.rule, 'section-near-miss');
  assert.deepEqual(f.range, range(line, 0, line, '## Backwards Compatibility'.length));
  assert.match(f.message, /stands for the standard section "Backward Compatibility"/);
  assert.equal(fixesOf(f)[0].title, 'Rename to "Backward Compatibility"');
  assert.equal(applyFix(text, fixesOf(f)[0]), text.replace('## Backwards Compatibility', '## Backward Compatibility'));
});

test('section-near-miss: keeps numbering, drops a trailing colon, handles plurals and known synonyms', () => {
  const cases: [string, string, string][] = [
    ['Security Implications', '## 6. Security Considerations', '## 6. Security Implications'],
    ['Abstract', '## Abstract:', '## Abstract'],
    ['Motivation', '## Motivations', '## Motivation'],
    ['Rationale', '## Rationle', '## Rationale'],
  ];
  for (const [name, heading, fixed] of cases) {
    const text = sepText({ body: sections(ORDER, { [name]: `${heading}\n\n${BODIES[name]}\n` }) });
    const found = run('section-near-miss', text);
    assert.equal(found.length, 1, heading);
    assert.equal(found[0].data?.section, name);
    assert.equal(applyFix(text, fixesOf(found[0])[0]), text.replace(heading, fixed), heading);
  }
});

test('section-near-miss: a longer name (`Specification Changes`) is renamed only on request, and the message says where its extra words can go', () => {
  const text = sepText({ body: sections(ORDER, { Specification: '## Specification Changes\n\nText.\n' }) });
  const [f] = run('section-near-miss', text);
  assert.equal(f.data?.section, 'Specification');
  assert.match(f.message, /Say what the longer name added in the section's first sentence/);
  assert.equal(applyFix(text, fixesOf(f)[0]), text.replace('## Specification Changes', '## Specification'));
  assert.equal(fixesOf(f)[0].kind, 'suggestion', 'fix-all must not drop the author\'s extra words');
  const [plural] = run('section-near-miss', sepText({ body: sections(ORDER, { Motivation: '## Motivations\n\nWhy.\n' }) }));
  assert.doesNotMatch(plural.message, /longer name/);
  assert.equal(fixesOf(plural)[0].kind, 'certain');
});

test('section-near-miss: silent on canonical names and on extra headings once the section exists', () => {
  assert.deepEqual(run('section-near-miss', sepText()), []);
  const body = `${sections()}\n## Security\n\nMore notes of ours.\n\n## 1. Abstract\n\nNumbered is fine.\n`;
  assert.deepEqual(run('section-near-miss', sepText({ body: body.replace('## Abstract\n', '') })), []);
});

test('section-heading-level: a ### standard section gets ## (only the marks change)', () => {
  const text = sepText({ body: sections(ORDER, { Rationale: '### Rationale\n\nSimpler.\n' }) });
  const line = lineOf(text, '### Rationale');
  const [f, ...rest] = run('section-heading-level', text);
  assert.equal(rest.length, 0);
  assert.equal(f.rule, 'section-heading-level');
  assert.deepEqual(f.range, range(line, 0, line, '### Rationale'.length));
  assert.match(f.message, /level-3 heading.*"## Rationale"/);
  assert.equal(fixesOf(f)[0].title, 'Make it a level-2 heading (##)');
  assert.equal(applyFix(text, fixesOf(f)[0]), text.replace('### Rationale', '## Rationale'));
});

test('section-heading-level: level-1 ATX and setext headings become ##', () => {
  const atx = sepText({ body: sections(ORDER, { 'Reference Implementation': '# Reference Implementation\n\nSee [it](https://example.test/x).\n' }) });
  const [a] = run('section-heading-level', atx);
  assert.equal(a.data?.depth, 1);
  assert.equal(applyFix(atx, fixesOf(a)[0]), atx.replace('# Reference Implementation', '## Reference Implementation'));
  const setext = sepText({ body: sections(ORDER, { Abstract: 'Abstract\n========\n\nShort.\n' }) });
  const [s] = run('section-heading-level', setext);
  assert.deepEqual(s.range.start, { line: lineOf(setext, 'Abstract'), character: 0 });
  assert.equal(applyFix(setext, fixesOf(s)[0]), setext.replace('Abstract\n========\n', '## Abstract\n'));
});

test('section-heading-level: silent when the ## section exists and a subsection repeats its name', () => {
  const body = sections(ORDER, { Specification: '## Specification\n\nText.\n\n### Rationale\n\nA local note.\n' });
  assert.deepEqual(run('section-heading-level', sepText({ body })), []);
  assert.deepEqual(run('section-heading-level', sepText()), []);
});

test('section-order: reports the one heading out of place, with where it belongs', () => {
  const text = sepText({ body: sections(['Abstract', 'Motivation', 'Rationale', 'Specification', 'Backward Compatibility', 'Security Implications', 'Reference Implementation']) });
  const found = run('section-order', text);
  assert.equal(found.length, 1);
  const line = lineOf(text, '## Specification');
  assert.equal(found[0].rule, 'section-order');
  assert.deepEqual(found[0].range, range(line, 0, line, '## Specification'.length));
  assert.match(found[0].message, /Move "Specification" before "Rationale"/);
  assert.deepEqual(found[0].data, { section: 'Specification', before: 'Rationale' });
});

test('section-order: an Abstract at the end is the one reported', () => {
  const found = run('section-order', sepText({ body: sections([...without('Abstract'), 'Abstract']) }));
  assert.deepEqual(found.map((f) => f.data), [{ section: 'Abstract', before: 'Motivation' }]);
});

test('section-order: Security Implications and Reference Implementation may come in either order', () => {
  const swapped = [...without('Security Implications'), 'Security Implications'];
  assert.deepEqual(run('section-order', sepText({ body: sections(swapped) })), []);
  assert.deepEqual(run('section-order', sepText()), []);
});

test('section-duplicate: the second heading is reported, pointing at the first', () => {
  const text = sepText({ body: `${sections()}\n## Abstract\n\nA second summary.\n` });
  const first = lineOf(text, '## Abstract');
  const found = run('section-duplicate', text);
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'section-duplicate');
  assert.ok(found[0].range.start.line > first);
  assert.equal(found[0].range.end.character, '## Abstract'.length);
  assert.match(found[0].message, new RegExp(`already appears on line ${first + 1}`));
  assert.deepEqual(run('section-duplicate', sepText()), []);
});

test('section-empty: a heading with only a comment under it; subsections count as content', () => {
  const text = sepText({ body: sections(ORDER, { Motivation: '## Motivation\n\n<!-- write this later -->\n' }) });
  const line = lineOf(text, '## Motivation');
  const found = run('section-empty', text);
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'section-empty');
  assert.deepEqual(found[0].range, range(line, 0, line, '## Motivation'.length));
  assert.match(found[0].message, /"Motivation" is empty/);
  const sub = sepText({ body: sections(ORDER, { Specification: '## Specification\n\n### Messages\n\nServers MUST answer.\n' }) });
  assert.deepEqual(run('section-empty', sub), []);
});

test('section-template-text: points at the guidance phrase left in a section', () => {
  const text = sepText({ body: sections(ORDER, { Motivation: '## Motivation\n\nWhy is this change needed? Because widgets hang.\n' }) });
  const line = lineOf(text, 'Why is this change needed? Because widgets hang.');
  const found = run('section-template-text', text);
  assert.equal(found.length, 1);
  assert.equal(found[0].rule, 'section-template-text');
  assert.deepEqual(found[0].range, range(line, 0, line, 'Why is this change needed?'.length));
  assert.match(found[0].message, /"Motivation" still holds the template's guidance/);
});

test('section-template-text: the template note above the header, matched across a line break', () => {
  const body = `> **Note**: This template provides a standard\n> structure for SEPs.\n\n${sections()}`;
  const found = run('section-template-text', sepText({ body }));
  assert.equal(found.length, 1);
  assert.match(found[0].message, /template's note/);
});

test('section-template-text: silent on our own prose and on guidance kept in an HTML comment', () => {
  assert.deepEqual(run('section-template-text', sepText()), []);
  const body = sections(ORDER, { Motivation: '## Motivation\n\n<!-- Why is this change needed? -->\n\nWidgets hang.\n' });
  assert.deepEqual(run('section-template-text', sepText({ body })), []);
});

function withAbstractWords(n: number): string {
  const words = Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  return sepText({ body: sections(ORDER, { Abstract: `## Abstract\n\n${words}\n` }) });
}

test('abstract-long and abstract-too-long: exactly one fires, by word count', () => {
  const at = (n: number) => ['abstract-long', 'abstract-too-long'].flatMap((id) => run(id, withAbstractWords(n)).map((f) => f.rule));
  assert.deepEqual(at(200), []);
  assert.deepEqual(at(201), ['abstract-long']);
  assert.deepEqual(at(300), ['abstract-long']);
  assert.deepEqual(at(301), ['abstract-too-long']);
  const text = withAbstractWords(250);
  const [f] = run('abstract-long', text);
  const line = lineOf(text, '## Abstract');
  assert.deepEqual(f.range, range(line, 0, line, '## Abstract'.length));
  assert.match(f.message, /has 250 words/);
  assert.match(run('abstract-too-long', withAbstractWords(400))[0].message, /has 400 words/);
});
