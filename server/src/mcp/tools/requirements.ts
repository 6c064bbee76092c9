/** sep_requirements: a SEP's normative statements and, with its traceability file, their coverage (issue 15). */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { normativeStatements, parseSep, parseTraceability, sepNumberOf, traceCoverage, traceFileNumber } from '../../sep';
import { traceJson } from '../../cli/trace';
import { sepSource, type ToolContext } from '../context';
import { ToolFailure, guarded, success } from '../results';

const STATEMENT = z.object({
  line: z.number().describe('One-based first line.'),
  endLine: z.number(),
  level: z.enum(['must', 'should', 'may']).describe('The strongest RFC 2119 keyword in the statement.'),
  heading: z.string().describe('The headings it sits under, joined with " > ".'),
  text: z.string(),
});

/** Registers sep_requirements. */
export function registerSepRequirements(server: McpServer, ctx: ToolContext): void {
  server.registerTool('sep_requirements', {
    title: 'List a SEP\'s requirements',
    description: 'Lists the normative statements of a SEP\'s Specification section: each sentence, list item or table cell '
      + 'with an RFC 2119 keyword in capitals (MUST, SHOULD, MAY, ...), with its line, level and headings. Given the SEP\'s '
      + 'conformance traceability file (sep-<number>.yaml, SEP-2484), also which rows cover which statements and which '
      + 'MUST/SHOULD statements no row covers. `sep-lint trace --format yaml` drafts such a file.',
    inputSchema: {
      path: z.string().optional().describe('A SEP file inside the workspace roots: relative to the first root, absolute, or a file:// URI.'),
      text: z.string().optional().describe('The SEP\'s Markdown, instead of a path.'),
      fileName: z.string().optional().describe('With text: the file name to read it under, e.g. "2484-conformance.md".'),
      traceability: z.string().optional().describe('The SEP\'s traceability file (sep-<number>.yaml) inside the workspace roots.'),
    },
    outputSchema: {
      sep: z.number().optional().describe('The SEP number, from the title or file name.'),
      statements: z.array(STATEMENT),
      coverage: z.object({
        rows: z.array(z.object({
          text: z.string(),
          check: z.string().optional(),
          excluded: z.string().optional(),
          statements: z.array(z.number()).describe('Indexes into statements.'),
        })),
        uncovered: z.array(z.number()).describe('Indexes of MUST/SHOULD statements no row covers.'),
      }).optional(),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }, (args) => guarded(async () => {
    const source = await sepSource(ctx, args);
    const doc = parseSep(source.text, { fileName: source.fileName });
    const statements = normativeStatements(doc);
    let trace;
    if (args.traceability !== undefined) {
      const file = await ctx.workspace.resolveFile(args.traceability);
      const name = basename(file.real);
      if (traceFileNumber(name) === undefined) throw new ToolFailure(`${file.display} is not a traceability file: its name must be sep-<number>.yaml.`);
      const parsed = parseTraceability(readFileSync(file.real, 'utf8'), name);
      trace = { file: parsed.file, coverage: traceCoverage(statements, parsed.file) };
    }
    const data = traceJson(sepNumberOf(doc), statements, trace);
    const count = (level: string) => statements.filter((s) => s.level === level).length;
    const what = source.file?.display ?? source.fileName;
    const summary = `${what}: ${statements.length} normative statement(s): ${count('must')} MUST, ${count('should')} SHOULD, ${count('may')} MAY.`
      + (trace ? ` ${trace.coverage.uncovered.length} MUST/SHOULD statement(s) not covered by ${basename(args.traceability!)}.` : '');
    return success(summary, data);
  }));
}
