// Preloaded (`node --require`) into a `headroom generate` under test: every file written into a staging folder takes
// 25 ms, as on a slow disk, so that a test can signal the run while it is writing. Both the compiled dist/ (ES
// modules, whose `node:fs` bindings syncBuiltinESMExports updates) and src/ through jiti (CommonJS) see it.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function slowWhenStaging(path, ...rest) {
  if (typeof path === 'string' && path.includes('.headroom-tmp-'))
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  return writeFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
