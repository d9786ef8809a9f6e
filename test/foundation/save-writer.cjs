'use strict';
// A long-lived writer process for the saving tests: runs the built CLI's main() in this process,
// so that many saves cost one Node start. The races are between separate writer processes.
// stdin, one JSON line per job:
//   {"argv": [...], "gate": "/path"}  one command; answers {"code", "stdout", "stderr"}
//   {"loop": [[...], [...]]}           runs the commands in turn until killed (kill -9 tests)
const { loadCli } = require('../../bin/load-cli.cjs');
const readline = require('node:readline');

// The interview's code cache (the writer's own arguments name no command).
const cli = loadCli(require('node:path').join(__dirname, '..', '..', 'dist', 'cli.cjs.full.cache'));
const io = (sink) => ({
  out: (s) => { sink.out += s; }, err: (s) => { sink.err += s; },
  stdoutIsTTY: false, stdinIsTTY: false, color: false, env: process.env,
});

async function run(argv) {
  const sink = { out: '', err: '' };
  const code = await cli.main(['node', 'fsstod', ...argv], io(sink));
  return { code, stdout: sink.out, stderr: sink.err };
}

let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const job = JSON.parse(line);
  queue = queue.then(async () => {
    if (job.loop) {
      for (let i = 0; ; i++) await run(job.loop[i % job.loop.length]);
    }
    if (job.gate) process.env.FSSTOD_TEST_SAVE_GATE = job.gate;
    else delete process.env.FSSTOD_TEST_SAVE_GATE;
    process.stdout.write(JSON.stringify(await run(job.argv)) + '\n');
  });
});
process.stdout.on('error', () => process.exit(0)); // the test is gone
process.stdout.write('{"loaded":true}\n');
