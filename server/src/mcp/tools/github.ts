/**
 * check_github_sep: the findings the editor's Open SEPs view shows for an issue or pull request, through the
 * same GitHub client and the same choice of documents (a pull request's SEP files at its head commit, or the
 * issue's body). The only tool that uses the network. The token comes from `GITHUB_TOKEN` and is never echoed.
 */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { GitHubClient, parseRepository } from '../../../../client/src/github/client';
import { GitHubError } from '../../../../client/src/github/errors';
import { fetchSepDoc, sepDocPath, sepDocRefs, type SepDocRef } from '../../../../client/src/views/sepDocuments';
import { toSepItem } from '../../../../client/src/views/seps';
import { mayCarryToken } from '../../../../client/src/views/settings';
import { originRuleSet } from '../../analysis';
import { isSepFile, lint, parseSep } from '../../sep';
import type { ServerSettings } from '../../settings';
import type { ToolContext } from '../context';
import { COUNTS, FINDING, countFindings, findingRecord, findingsText, type FindingRecord } from '../findings';
import { ToolFailure, failure, guarded, success } from '../results';

const TIMEOUT_MS = 15_000;

const DOCUMENT = z.object({
  source: z.enum(['file', 'description']).describe('file: a seps/*.md file of the pull request at its head commit; description: the issue\'s (or pull request\'s) body.'),
  name: z.string().describe('The file\'s path in the repository, or the name the body is checked under.'),
  commit: z.string().optional().describe('The head commit the file was read at.'),
  isSep: z.boolean().describe('False when the document is not a SEP (it then has no findings).'),
  findings: z.array(FINDING),
  counts: COUNTS,
});

/** One checked document. */
type DocumentResult = z.infer<typeof DOCUMENT>;

/** Registers check_github_sep. */
export function registerCheckGitHubSep(server: McpServer, ctx: ToolContext): void {
  server.registerTool('check_github_sep', {
    title: 'Check a SEP on GitHub',
    description: 'Checks the SEP of a GitHub issue or pull request as the SEP Authoring editor\'s Open SEPs view does: a pull '
      + 'request\'s changed seps/*.md files at its head commit (or its description when it changes none), or an issue-era '
      + 'SEP\'s issue body. Reads GitHub\'s API, signed in with GITHUB_TOKEN from the server\'s environment when set.',
    inputSchema: {
      repository: z.string().describe('owner/name, e.g. modelcontextprotocol/modelcontextprotocol.'),
      number: z.number().int().positive().describe('The issue or pull request number.'),
      file: z.string().optional().describe('Only this seps/*.md file of the pull request.'),
    },
    outputSchema: {
      repository: z.string(),
      number: z.number().int(),
      kind: z.enum(['issue', 'pull']),
      title: z.string(),
      url: z.string(),
      documents: z.array(DOCUMENT),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  }, async (args) => {
    const result = await guarded(() => checkGitHubSep(ctx, args));
    return result.isError ? failure(redact(textOf(result), ctx.github.token())) : result;
  });
}

async function checkGitHubSep(ctx: ToolContext, args: { repository: string; number: number; file?: string }) {
  const repo = parseRepository(args.repository);
  if (!repo) throw new ToolFailure(`"${args.repository}" is not a repository: write owner/name.`);
  const { apiUrl } = ctx.github;
  const client = new GitHubClient({
    apiUrl,
    token: async () => (mayCarryToken(apiUrl) ? ctx.github.token() : undefined),
    fetch: ctx.github.fetch,
    timeoutMs: TIMEOUT_MS,
    userAgent: 'sep-authoring-mcp',
  });
  const settings = await ctx.workspace.inlineSettings();
  const issue = await fromGitHub(() => client.getIssue(repo, args.number));
  const item = toSepItem(issue);
  const where = `${repo.owner}/${repo.repo}#${args.number}`;
  if (!item) throw new ToolFailure(`${where} is not a SEP: its title does not start with or contain "SEP" and it has no SEP label.`);
  let refs = await fromGitHub(() => sepDocRefs(client, repo, item));
  if (args.file !== undefined) {
    const files = refs.filter((r) => r.kind === 'pull-file').map((r) => r.path);
    refs = refs.filter((r) => r.kind === 'pull-file' && r.path === args.file);
    if (refs.length === 0) throw new ToolFailure(`${where} changes no SEP file ${args.file}${files.length ? `; its SEP files: ${files.join(', ')}` : ''}.`);
  }
  const today = ctx.today();
  const documents: DocumentResult[] = [];
  for (const ref of refs) documents.push(checkDocument(ref, await fromGitHub(() => fetchSepDoc(client, ref)), settings, today));
  const summary = documents.map((d) => (d.isSep ? findingsText(d.name, d.findings) : `${d.name}: not a SEP, not checked.`)).join('\n\n');
  const data = { repository: `${repo.owner}/${repo.repo}`, number: args.number, kind: item.kind, title: issue.title, url: issue.html_url, documents };
  return success(redact(`${where} (${item.kind === 'pull' ? 'pull request' : 'issue'}): ${issue.title}\n\n${summary}`, ctx.github.token()), data);
}

function checkDocument(ref: SepDocRef, text: string, settings: ServerSettings, today: string): DocumentResult {
  const path = sepDocPath(ref);
  const base = ref.kind === 'pull-file'
    ? { source: 'file' as const, name: ref.path, commit: ref.sha }
    : { source: 'description' as const, name: ref.name };
  if (!isSepFile(path, text, settings.files.include)) return { ...base, isSep: false, findings: [], counts: countFindings([]) };
  const origin = ref.kind === 'issue-body' ? ref.origin : undefined;
  const doc = parseSep(text, { fileName: path.slice(path.lastIndexOf('/') + 1), origin });
  const findings: FindingRecord[] = lint(doc, { rules: settings.rules, finalSeps: settings.finalSeps, today, ruleSet: originRuleSet(doc, origin) })
    .map((f) => findingRecord(f, today));
  return { ...base, isSep: true, findings, counts: countFindings(findings) };
}

/** Runs a GitHub request; its failure becomes a tool error with the client's message (built without headers). */
async function fromGitHub<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (e) {
    if (e instanceof GitHubError) throw new ToolFailure(`GitHub: ${e.message}`);
    throw e;
  }
}

function textOf(result: { content: unknown[] }): string {
  return result.content.map((c) => (c as { text?: string }).text ?? '').join('\n');
}

/** Belt and braces: the token never appears in what the tool returns, whatever a message quoted. */
function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('***') : text;
}
