/**
 * How a tool answers: a short text summary plus structured content, or a tool error (`isError: true`) with
 * a clear message. A tool never throws to the protocol: bad input is the caller's to fix, not a crash.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A failure the caller can act on (outside the roots, not a SEP, no such rule…); its message is the answer. */
export class ToolFailure extends Error {
  override readonly name = 'ToolFailure';
}

/** A successful result: `summary` for people and models reading text, `data` matching the tool's output schema. */
export function success(summary: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: summary }], structuredContent: data };
}

/** A tool error result carrying `message`. */
export function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs a tool body; a {@link ToolFailure} or any other error becomes a tool error result, never a protocol error. */
export async function guarded(run: () => Promise<CallToolResult> | CallToolResult): Promise<CallToolResult> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ToolFailure) return failure(e.message);
    return failure(`The tool failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
