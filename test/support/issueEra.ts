/**
 * Issue-era SEP bodies written for these tests in the styles the 2025 issue-based workflow produced
 * (Markdown `## Preamble` with bold keys, numbered headings, HTML `<h2>`/`<b>Key:</b>`/`<br>`), and a
 * pull request description that only points at its SEP file. Our own text, not copied from any issue.
 */

/** `## 1. Preamble` with bold `Key:` lines, numbered sections. */
export const NUMBERED_BODY = [
  '## 1. Preamble',
  '',
  '**Title:** Lantern Negotiation',
  '**Author:** Grace Sample (@grace-sample)',
  '**Status:** proposal',
  '**Type:** Standards Track',
  '**Created:** 2025-05-02',
  '',
  '## 2. Abstract',
  '',
  'Lanterns agree on a colour before they light up.',
  '',
  '## 3. Motivation',
  '',
  'Lanterns today light up in whatever colour they like, and SEP-77 did not settle it.',
  '',
].join('\n');

/** An HTML preamble and HTML section headings, as some issues were written. */
export const HTML_BODY = [
  '<h2>Preamble</h2>',
  '<b>Title:</b> Lantern Negotiation<br>',
  '<b>Author(s):</b> Grace Sample (@grace-sample)<br>',
  '<b>Status:</b> Draft<br>',
  '<b>Type:</b> Standards Track<br>',
  '<b>Created:</b> 2025-05-02<br>',
  '',
  '<h2>Abstract</h2>',
  'Lanterns agree on a colour before they light up.',
  '',
  '<h2>Motivation</h2>',
  '',
  'Lanterns today light up in whatever colour they like.',
  '',
].join('\n');

/** A plain `### Preamble` with unbolded `Key: value` lines. */
export const PLAIN_BODY = [
  '### Preamble',
  '',
  'Title: Lantern Negotiation',
  'Author: Grace Sample <grace@example.test>',
  'Status: draft',
  'Type: Standards Track',
  'Created: 2025-05-02',
  '',
  '### Abstract',
  '',
  'Lanterns agree on a colour before they light up.',
  '',
].join('\n');

/** A pull request description that points at the SEP file it adds. */
export const POINTER_DESCRIPTION = [
  'This adds the Lantern Negotiation proposal as [seps/4242-lantern-negotiation.md](seps/4242-lantern-negotiation.md).',
  '',
  '## Checklist',
  '',
  '- [x] Sponsor found',
  '- [ ] Conformance scenario',
  '',
].join('\n');
