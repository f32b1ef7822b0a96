// Where the bootstrap keeps things. Everything here except the repo itself is git-ignored.
'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
module.exports = {
  root,
  toolsBin: path.join(root, '.tools', 'bin'),
  dataDir: path.join(root, '.data'),
  distDir: path.join(root, 'dist'),
  tmpDir: path.join(root, 'tmp'),
};
