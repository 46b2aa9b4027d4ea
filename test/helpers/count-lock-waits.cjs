// Preloaded (`node --require`) into a `headroom generate` under test: each time the run finds its output folder's
// lock held by another run (creating the lock file fails with EEXIST), a line is appended to the file named by
// HEADROOM_TEST_LOCK_WAITS, so that a test knows the run has reached the lock and is waiting, instead of guessing
// how long loading the config takes. Both dist/ (ES modules, updated by syncBuiltinESMExports) and src/ through
// jiti see it.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const report = process.env.HEADROOM_TEST_LOCK_WAITS;
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function countLockWaits(path, ...rest) {
  try {
    return writeFileSync.call(this, path, ...rest);
  } catch (error) {
    if (report && error.code === 'EEXIST' && typeof path === 'string' && path.endsWith('.headroom-lock'))
      fs.appendFileSync(report, 'waiting\n');
    throw error;
  }
};
syncBuiltinESMExports();
