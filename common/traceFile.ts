/**
 * The SEP number a traceability file's name gives (`sep-2164.yaml` → 2164), if it has that form. A path or URI
 * may be given: only its last segment counts. Shared by the engine, the server and the extension.
 */
export function traceFileNumber(fileName: string): number | undefined {
  const m = /^sep-(\d{1,9})\.ya?ml$/i.exec(fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1));
  return m ? Number(m[1]) : undefined;
}
