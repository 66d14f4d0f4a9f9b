// `@qinqing/domain/schemas` for the built API (the source is src/contract/schemas/index.ts).
module.exports = require('./dist/contract/schemas/index.js');
