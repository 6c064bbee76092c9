/** explain_rule: a rule's page (docs/rules/<id>.md, shipped with the package), split into its parts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading } from 'mdast';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ALL_RULES, ruleDocPath, ruleInfo } from '../../sep';
import { parseMarkdown } from '../../sep/markdown';
import { plain, span } from '../../sep/mdast';
import type { ToolContext } from '../context';
import { ToolFailure, guarded, success } from '../results';

/** A rule page's `##` sections by title, each with its Markdown body. */
export function pageSections(page: string): Map<string, string> {
  const sections = new Map<string, string>();
  const headings = parseMarkdown(page).children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2);
  headings.forEach((h, i) => {
    const [, bodyStart] = span(h);
    const bodyEnd = i + 1 < headings.length ? span(headings[i + 1])[0] : page.length;
    sections.set(plain(h).trim(), page.slice(bodyStart, bodyEnd).replace(/<!-- [a-z-]+:(?:start|end) -->/g, '').trim());
  });
  return sections;
}

/** Registers explain_rule. */
export function registerExplainRule(server: McpServer, ctx: ToolContext): void {
  server.registerTool('explain_rule', {
    title: 'Explain a SEP rule',
    description: 'Explains a rule id reported by check_sep: what it checks, why the SEP guidelines ask for it, and how to '
      + 'satisfy it (an example and the fix on offer), from the rule\'s documentation page.',
    inputSchema: { rule: z.string().describe('A rule id such as "section-missing".') },
    outputSchema: {
      rule: z.string(),
      defaultSeverity: z.enum(['error', 'warning', 'information', 'hint']),
      description: z.string().describe('One line.'),
      whatItChecks: z.string(),
      why: z.string(),
      howToSatisfy: z.string().describe('The page\'s example and quick-fix sections, Markdown.'),
      page: z.string().describe('The whole page, Markdown.'),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }, ({ rule: id }) => guarded(() => {
    const rule = ruleInfo(id.trim());
    if (!rule) throw new ToolFailure(`No rule "${id}". Rule ids look like "section-missing"; check_sep reports them (${ALL_RULES.length} rules, traceability files' included).`);
    let page: string;
    try {
      page = readFileSync(join(ctx.packageRoot, ruleDocPath(rule.id)), 'utf8');
    } catch (e) {
      throw new ToolFailure(`The page of ${rule.id} is missing from this installation (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
    }
    const sections = pageSections(page);
    const howTo = ['Example', 'Quick fix', 'On Final SEPs'].filter((t) => sections.has(t)).map((t) => `## ${t}\n\n${sections.get(t)}`).join('\n\n');
    const data = {
      rule: rule.id,
      defaultSeverity: rule.defaultSeverity,
      description: rule.description,
      whatItChecks: sections.get('What it checks') ?? rule.description,
      why: sections.get('Why') ?? '',
      howToSatisfy: howTo,
      page,
    };
    return success(`${rule.id} (${rule.defaultSeverity} by default): ${rule.description}\n\n${data.whatItChecks}\n\nWhy: ${data.why}\n\n${howTo}`, data);
  }));
}
