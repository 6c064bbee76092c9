/** check_sep and fix_sep: the engine's findings and its fix-all on a SEP file or text. */
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fixAll } from '../../sep/fixes';
import { lintSource, sepSource, type ToolContext } from '../context';
import { COUNTS, FINDING, countFindings, findingRecord, findingsText } from '../findings';
import { ToolFailure, guarded, success } from '../results';

const SOURCE = {
  path: z.string().optional().describe('A SEP file inside the workspace roots: relative to the first root, absolute, or a file:// URI.'),
  text: z.string().optional().describe('The SEP\'s Markdown, instead of a path.'),
  fileName: z.string().optional().describe('With text: the file name to check it under, e.g. "0000-my-idea.md" (default "0000-draft.md").'),
};

/** Registers check_sep. */
export function registerCheckSep(server: McpServer, ctx: ToolContext): void {
  server.registerTool('check_sep', {
    title: 'Check a SEP',
    description: 'Checks an MCP Specification Enhancement Proposal (SEP) against the SEP guidelines and template, as the '
      + 'SEP Authoring editor extension does. Give a path inside the workspace or the text. Returns every finding with its '
      + 'rule id, severity, one-based line and column, a plain-text message and whether fix_sep can fix it. '
      + 'explain_rule explains a rule id.',
    inputSchema: SOURCE,
    outputSchema: {
      path: z.string().optional().describe('The file checked, relative to its root (absent for text).'),
      findings: z.array(FINDING),
      counts: COUNTS,
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }, (args) => guarded(async () => {
    const source = await sepSource(ctx, args);
    const today = ctx.today();
    const findings = lintSource(source, today).map((f) => findingRecord(f, today));
    const what = source.file?.display ?? source.fileName;
    const data = { ...(source.file ? { path: source.file.display } : {}), findings, counts: countFindings(findings) };
    return success(findingsText(what, findings), data);
  }));
}

/** Registers fix_sep. */
export function registerFixSep(server: McpServer, ctx: ToolContext): void {
  server.registerTool('fix_sep', {
    title: 'Fix a SEP',
    description: 'Applies the certain fixes to a SEP (the ones whose result follows from the document alone, as the editor\'s '
      + '"Fix All" and "sep-lint --fix" do; never a suggestion that would write something the author did not say). Returns '
      + 'the fixed text and the findings left. With a path and write: true, the file is replaced (never through a symbolic link).',
    inputSchema: {
      ...SOURCE,
      write: z.boolean().optional().describe('With path: write the fixed text back to the file (default false: only return it).'),
    },
    outputSchema: {
      path: z.string().optional(),
      text: z.string().describe('The SEP after the fixes.'),
      changed: z.boolean(),
      written: z.boolean().describe('True when the file was replaced.'),
      applied: z.array(z.object({ rule: z.string(), title: z.string() })).describe('The fixes applied, in order.'),
      remaining: z.array(FINDING).describe('The findings left: they need the author.'),
      counts: COUNTS,
    },
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  }, (args) => guarded(async () => {
    if (args.write && args.path === undefined) throw new ToolFailure('write: true needs a path: text given inline has no file to write.');
    const source = await sepSource(ctx, args);
    const today = ctx.today();
    const result = fixAll(source.text, { fileName: source.fileName, rules: source.settings.rules, finalSeps: source.settings.finalSeps, today });
    const changed = result.text !== source.text;
    if (args.write && changed && source.file) ctx.workspace.write(source.file, result.text);
    const written = Boolean(args.write && changed && source.file);
    const remaining = result.remaining.map((f) => findingRecord(f, today));
    const what = source.file?.display ?? source.fileName;
    const head = changed
      ? `${what}: applied ${result.applied.length} fix(es)${written ? ' and wrote the file' : ' (not written: the fixed text is in the result)'}.`
      : `${what}: nothing to fix automatically.`;
    const data = {
      ...(source.file ? { path: source.file.display } : {}),
      text: result.text, changed, written, applied: result.applied, remaining, counts: countFindings(remaining),
    };
    const fixedText = changed && !written ? `\n\nThe fixed text:\n\n${result.text}` : '';
    return success(`${head}\n${findingsText('Left', remaining)}${fixedText}`, data);
  }));
}
