// The floor for a freshly started remark-based server: one bare remark-parse of
// a file as the first parse of a new Node process, before V8 has compiled or
// optimised any of micromark. Prints the milliseconds of that parse alone
// (module loading and reading the file are outside the timed span).
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/cold-parse.mjs <file.md>');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const processor = unified().use(remarkParse);
const t0 = performance.now();
processor.parse(text);
console.log((performance.now() - t0).toFixed(3));
