import { isAbsolute, relative, sep } from 'node:path';

/**
 * True when `child` is `parent` or lies below it. A plain path comparison: pass real paths
 * (`realpathSync`) when symbolic links must not lead out.
 */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
