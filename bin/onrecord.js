#!/usr/bin/env node
// The package's bin entry: runs the compiled CLI (built by `npm install` via `prepare`, or `npm run build`).
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('onrecord: not built yet; run `npm install` or `npm run build` in the project root\n');
    process.exit(1);
  }
  throw e;
}
await cli.main(process.argv);
