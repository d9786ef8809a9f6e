#!/usr/bin/env node
'use strict';
// Thin entry behind both bins (fsstöd, fsstod): loads the built CLI and hands it the arguments.
let cli;
try {
  cli = require('./load-cli.cjs').loadCli();
} catch (err) {
  if (err && err.code === 'ENOENT' && String(err.path || '').endsWith('cli.cjs')) {
    process.stderr.write('fsstöd är inte byggt. Kör: npm run build\n');
    process.exitCode = 2;
    return;
  }
  throw err;
}
cli.main(process.argv).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(String((err && err.stack) || err) + '\n');
  process.exitCode = 2;
});
