// The remark language server as remark-language-server builds it: unified-language-server
// around remark (remark-parse + remark-stringify). Plugins come from the workspace's
// configuration (the bench writes a package.json `remarkConfig` using
// remark-preset-lint-recommended), exactly as for a user's project.
import { createUnifiedLanguageServer } from 'unified-language-server';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';

process.title = 'remark-language-server';

createUnifiedLanguageServer({
  configurationSection: 'remark',
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  rcName: '.remarkrc',
  processorName: 'remark',
  processorSpecifier: 'remark',
  defaultProcessor: unified().use(remarkParse).use(remarkStringify).freeze(),
});
