// babel-jest with this app's babel config, found from this file: jest loads its TypeScript configs
// as ES modules on Node 22 (no __dirname there), and babel would otherwise look in the working folder.
const path = require('node:path');
const babelJest = require('babel-jest').default;

module.exports = babelJest.createTransformer({
  configFile: path.join(__dirname, '..', 'babel.config.js'),
});
