#!/usr/bin/env node
// Thin entry behind both bins (fsstöd, fsstod): the built CLI does the rest.
import('../dist/cli.js').then((m) => m.main(process.argv)).then((code) => { process.exitCode = code; }, (err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    process.stderr.write('fsstöd är inte byggt. Kör: npm run build\n');
  } else {
    process.stderr.write(String(err && err.stack || err) + '\n');
  }
  process.exitCode = 2;
});
