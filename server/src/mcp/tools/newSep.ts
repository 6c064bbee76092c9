/** new_sep: the text New SEP… starts a draft with, from the same scaffold. */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { TYPES } from '../../../../common/vocabulary';
import { DEFAULT_REPOSITORY } from '../../../../common/protocol';
import { DRAFT_NUMBER, freeSepFileName, newSepText, normalizeSponsor, slugify } from '../../../../common/scaffold';
import type { ToolContext } from '../context';
import { ToolFailure, guarded, success } from '../results';

const TYPE_VALUES = TYPES.map((t) => t.value) as [string, ...string[]];

/** Registers new_sep. */
export function registerNewSep(server: McpServer, ctx: ToolContext): void {
  server.registerTool('new_sep', {
    title: 'Start a new SEP',
    description: 'Returns the text a new SEP draft starts from, the same as the editor\'s "SEP: New SEP…" command: the '
      + 'template\'s header filled in (Status Draft, today\'s date, the PR link with a {NUMBER} placeholder) and every '
      + 'required section with a comment saying what it must hold. Writes nothing: save it as the suggested path '
      + `(seps/${DRAFT_NUMBER}-<slug>.md), fill in the sections, then run check_sep.`,
    inputSchema: {
      title: z.string().describe('The proposal\'s title, e.g. "Streaming Tool Results".'),
      type: z.enum(TYPE_VALUES).describe(TYPES.map((t) => `${t.value}: ${t.description}`).join(' ')),
      authors: z.string().describe('Author(s) as "Name <email> (@github-handle)", comma-separated.'),
      sponsor: z.string().optional().describe('The sponsoring maintainer\'s GitHub handle(s), comma-separated; empty or absent while there is none (None).'),
      repository: z.string().optional().describe(`The repository the pull request will be opened in (default ${DEFAULT_REPOSITORY}).`),
    },
    outputSchema: {
      text: z.string().describe('The new SEP\'s Markdown.'),
      fileName: z.string().describe(`${DRAFT_NUMBER}-<slug>.md: the name until the pull request has a number.`),
      suggestedPath: z.string(),
      abstractLine: z.number().int().describe('One-based line where the Abstract\'s text goes.'),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    if (!args.title.trim()) throw new ToolFailure('The title cannot be empty.');
    if (!args.authors.trim()) throw new ToolFailure('Name at least one author, as "Name <email> (@github-handle)".');
    const sponsor = normalizeSponsor(args.sponsor ?? '');
    if (sponsor === undefined) throw new ToolFailure(`The sponsor must be GitHub handles such as @octocat (comma-separated), or empty for None; got "${args.sponsor}".`);
    const sep = newSepText({
      title: args.title.trim(),
      type: args.type,
      authors: args.authors.trim(),
      sponsor,
      created: ctx.today(),
      repository: args.repository,
    });
    const fileName = freeSepFileName(slugify(args.title), []);
    const data = { text: sep.text, fileName, suggestedPath: `seps/${fileName}`, abstractLine: sep.cursor.line + 1 };
    return success(`New SEP draft for seps/${fileName} (the text is in the structured result):\n\n${sep.text}`, data);
  }));
}
