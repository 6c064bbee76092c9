import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GitHubIssue } from '../../../client/src/github';
import { relativeTime, sepDescription, sepTooltip } from '../../../client/src/views/format';
import { bareTitle, groupSeps, isSep, sepLabel, sepState, staleMarker, titleNumber, toSepItem, type SepItem } from '../../../client/src/views/seps';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (days: number): string => new Date(NOW - days * 86_400_000).toISOString();

function issue(over: Partial<GitHubIssue> & { title: string }): GitHubIssue {
  return {
    number: 100,
    state: 'open',
    html_url: 'https://github.com/o/r/issues/100',
    user: { login: 'author1' },
    labels: [],
    assignees: [],
    created_at: ago(10),
    updated_at: ago(3),
    ...over,
  };
}

function item(over: Partial<SepItem>): SepItem {
  return { number: 1, title: 't', kind: 'issue', state: 'none', labels: [], assignees: [], createdAt: ago(10), updatedAt: ago(0), url: 'u', ...over };
}

describe('what counts as a SEP', () => {
  it('the SEP label or a title starting with SEP', () => {
    assert.equal(isSep(issue({ title: 'Structured logging', labels: [{ name: 'SEP' }] })), true);
    assert.equal(isSep(issue({ title: 'Structured logging', labels: ['sep'] })), true, 'label names from GitHub compare case-insensitively');
    assert.equal(isSep(issue({ title: 'SEP-2133: Extensions framework' })), true);
    assert.equal(isSep(issue({ title: 'SEP-3304 - Standardizing errors' })), true);
    assert.equal(isSep(issue({ title: 'SEP: Extension negotiation' })), true);
  });

  it('not a title mentioning SEP later, nor a word starting with "Sep"', () => {
    assert.equal(isSep(issue({ title: 'Docs: link to SEP-2031 from the roadmap', labels: [{ name: 'documentation' }] })), false);
    assert.equal(isSep(issue({ title: 'Separate transport docs' })), false);
    assert.equal(isSep(issue({ title: 'SEPARATE things' })), false);
  });

  it('numbers and bare titles from the three title styles', () => {
    assert.equal(titleNumber('SEP-2133: Extensions framework'), 2133);
    assert.equal(titleNumber('SEP-3304 - Standardizing errors'), 3304);
    assert.equal(titleNumber('SEP: Extension negotiation'), undefined);
    assert.equal(bareTitle('SEP-2133: Extensions framework'), 'Extensions framework');
    assert.equal(bareTitle('SEP-3304 - Standardizing errors'), 'Standardizing errors');
    assert.equal(bareTitle('SEP: Extension negotiation'), 'Extension negotiation');
    assert.equal(bareTitle('SEP-12'), 'SEP-12');
    assert.equal(bareTitle('Structured logging'), 'Structured logging');
  });

  it('item label: SEP-<n> from the title, else #<issue number>', () => {
    assert.equal(sepLabel(toSepItem(issue({ number: 2140, title: 'SEP-2133: Extensions framework' }))!), 'SEP-2133: Extensions framework');
    assert.equal(sepLabel(toSepItem(issue({ number: 2140, title: 'SEP: Extension negotiation' }))!), '#2140: Extension negotiation');
    assert.equal(sepLabel(toSepItem(issue({ number: 77, title: 'Logging levels', labels: ['SEP'] }))!), '#77: Logging levels');
  });

  it('pull requests are told apart by the pull_request key', () => {
    assert.equal(toSepItem(issue({ title: 'SEP-1: a', pull_request: { url: 'x' } }))!.kind, 'pull');
    assert.equal(toSepItem(issue({ title: 'SEP-1: a' }))!.kind, 'issue');
    assert.equal(toSepItem(issue({ title: 'SEP-1: a', pull_request: null }))!.kind, 'issue');
    assert.equal(toSepItem(issue({ title: 'Not one' })), undefined);
  });
});

describe('lifecycle state', () => {
  it('is the lifecycle label, or none', () => {
    for (const state of ['proposal', 'draft', 'in-review', 'accepted', 'final', 'dormant', 'rejected', 'withdrawn', 'superseded'] as const) {
      assert.equal(sepState(['SEP', state]), state);
    }
    assert.equal(sepState(['SEP', 'In Review']), 'in-review');
    assert.equal(sepState(['SEP', 'enhancement']), 'none');
    assert.equal(sepState([]), 'none');
  });

  it('takes the later stage when a sponsor forgot to remove a label', () => {
    assert.equal(sepState(['proposal', 'draft']), 'draft');
    assert.equal(sepState(['in-review', 'draft', 'SEP']), 'in-review');
    assert.equal(sepState(['draft', 'withdrawn']), 'withdrawn');
  });

  it('groups in lifecycle order with counts, "No state label" last, empty groups left out', () => {
    const items = [
      item({ number: 1, state: 'none' }),
      item({ number: 2, state: 'accepted' }),
      item({ number: 3, state: 'proposal', updatedAt: ago(5) }),
      item({ number: 4, state: 'proposal', updatedAt: ago(1) }),
      item({ number: 5, state: 'superseded' }),
      item({ number: 6, state: 'draft' }),
      item({ number: 7, state: 'in-review' }),
      item({ number: 8, state: 'dormant' }),
    ];
    const groups = groupSeps(items);
    assert.deepEqual(groups.map((g) => [g.title, g.items.length]), [
      ['Proposal', 2], ['Draft', 1], ['In Review', 1], ['Accepted', 1], ['Dormant', 1], ['Superseded', 1], ['No state label', 1],
    ]);
    assert.deepEqual(groups[0].items.map((i) => i.number), [4, 3], 'most recently updated first');
  });
});

describe('stale markers (the bot’s lifecycle rules)', () => {
  const marker = (state: SepItem['state'], days: number): string | undefined => staleMarker({ state, updatedAt: ago(days) }, NOW)?.reason;

  it('proposal: author ping at 90 days, dormant candidate at 180', () => {
    assert.equal(marker('proposal', 89), undefined);
    assert.equal(marker('proposal', 90), 'author-ping');
    assert.equal(marker('proposal', 179), 'author-ping');
    assert.equal(marker('proposal', 180), 'dormant-candidate');
  });

  it('draft: sponsor ping at 90 days', () => {
    assert.equal(marker('draft', 89), undefined);
    assert.equal(marker('draft', 90), 'sponsor-ping');
    assert.equal(marker('draft', 400), 'sponsor-ping');
  });

  it('accepted: reference implementation due at 30 days', () => {
    assert.equal(marker('accepted', 29), undefined);
    assert.equal(marker('accepted', 30), 'reference-implementation');
  });

  it('no marker for other states however old', () => {
    for (const state of ['in-review', 'final', 'dormant', 'rejected', 'withdrawn', 'superseded', 'none'] as const) {
      assert.equal(marker(state, 1000), undefined, state);
    }
  });
});

describe('item text', () => {
  it('description: @author · updated 3 days ago, plus the marker', () => {
    assert.equal(sepDescription(item({ author: 'ada', state: 'draft', updatedAt: ago(3) }), NOW), '@ada · updated 3 days ago');
    assert.equal(sepDescription(item({ author: 'ada', state: 'draft', updatedAt: ago(100) }), NOW), '@ada · updated 3 months ago · ⚠ sponsor ping due');
  });

  it('relative times', () => {
    assert.equal(relativeTime(new Date(NOW - 20_000).toISOString(), NOW), 'just now');
    assert.equal(relativeTime(new Date(NOW - 5 * 60_000).toISOString(), NOW), '5 minutes ago');
    assert.equal(relativeTime(ago(1), NOW), '1 day ago');
    assert.equal(relativeTime(ago(800), NOW), '2 years ago');
    assert.equal(relativeTime('not a date', NOW), 'at an unknown time');
  });

  it('tooltip lists labels, assignees as sponsor, dates and staleness, as plain text', () => {
    const tip = sepTooltip(item({ number: 9, sepNumber: 9, title: 'T', state: 'proposal', labels: ['SEP', 'proposal'], assignees: ['grace', 'ken'], author: 'ada', createdAt: '2026-01-02T03:04:05Z', updatedAt: ago(95) }), NOW);
    assert.match(tip, /^SEP-9: T\n/);
    assert.match(tip, /Labels: SEP, proposal/);
    assert.match(tip, /Sponsor \(assignees\): @grace, @ken/);
    assert.match(tip, /Created: 2026-01-02/);
    assert.match(tip, /Updated: 2026-08-22 \(3 months ago\)/);
    assert.match(tip, /Stale: no activity for 95 days, author ping due/);
    assert.match(sepTooltip(item({}), NOW), /Sponsor \(assignees\): none yet/);
  });
});
