#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the prepare script); see README.md.
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]src[\\/]cli/.test(String(error.message))) {
    process.stderr.write('rolecall: not built yet: run `npm run build` (npm ci does it for you)\n');
    process.exit(1);
  }
  throw error;
}
cli.main();
