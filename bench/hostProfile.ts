/**
 * Who used the extension host's thread: a V8 CPU profile (what `SEP_BENCH_PROFILE` makes the in-editor benchmark
 * write, the format of `Profiler.stop`) summed by extension. Each sample's time goes to the innermost frame on its
 * stack whose script lies in an installed extension's folder (`…/extensions/<publisher.name-version>/…`): Node's
 * and VS Code's own functions that an extension called count as that extension's. Samples with no extension on
 * the stack are VS Code's (its RPC, events, timers, the collector), or idle.
 */

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

/** What a sample with no extension on its stack is counted as. */
export const IDLE = '(idle)';
export const HOST = 'VS Code';
/** The benchmark's own suite, which the runner installs inside our extension's folder. */
export const BENCHMARK = 'the benchmark';

/** The extension a script belongs to, from its URL or path (`publisher.name`, without the version), or undefined. */
export function extensionOf(url: string): string | undefined {
  const m = /[/\\]extensions[/\\]([^/\\]+)[/\\](.*)$/.exec(url);
  if (!m) return undefined;
  if (m[2].startsWith('.e2e-suite')) return BENCHMARK;
  // `publisher.name-1.2.3`; the built-in extensions' folders have no version.
  return m[1].replace(/-\d+\.\d+\.\d+.*$/, '');
}

/** Milliseconds of the profile per owner: extensions by id, {@link HOST}, {@link IDLE}; largest first. */
export function timeByExtension(profile: CpuProfile): [owner: string, ms: number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Each node's innermost extension: its own, else its caller's. Worked out from the roots down, without recursion.
  const extensionAt = new Map<number, string | undefined>();
  const called = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const pending: [id: number, caller: string | undefined][] = profile.nodes.filter((n) => !called.has(n.id)).map((n) => [n.id, undefined]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [id, caller] = next;
    const node = byId.get(id);
    const own = (node && extensionOf(node.callFrame.url)) ?? caller;
    extensionAt.set(id, own);
    for (const child of node?.children ?? []) pending.push([child, own]);
  }
  const ownerOf = (id: number): string => extensionAt.get(id) ?? (byId.get(id)?.callFrame.functionName === '(idle)' ? IDLE : HOST);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = ownerOf(id);
    totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}
