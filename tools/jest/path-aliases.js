// Maps the tsconfig.base.json path aliases (@duban/*) for Jest, so tests import
// libraries exactly as application code does.
const path = require('node:path');
const tsconfig = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(root, target);
}
module.exports = { moduleNameMapper };
