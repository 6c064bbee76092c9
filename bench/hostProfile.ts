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
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The owner of each node, worked out once per node, walking up the stack without recursion.
  const owners = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owners.get(id);
    if (known !== undefined) return known;
    const path: number[] = [];
    let owner: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const cached = owners.get(at);
      if (cached !== undefined) {
        owner = cached;
        break;
      }
      path.push(at);
      const node = byId.get(at);
      owner = node && extensionOf(node.callFrame.url);
      if (owner) break;
    }
    const leaf = byId.get(id)?.callFrame.functionName;
    const result = owner ?? (leaf === '(idle)' ? IDLE : HOST);
    // Nodes below the extension frame found belong to it too; with none found, only the leaf's own answer is known.
    if (owner) for (const p of path) owners.set(p, owner);
    else owners.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = ownerOf(id);
    totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}
