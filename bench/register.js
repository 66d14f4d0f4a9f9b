// `node -r ./bench/register.js bench/run.ts`: ts-node for the benchmark's TypeScript and the API's,
// with bench/tsconfig.json (decorator metadata, which NestJS and TypeORM need; swc, transpile only).
// Set before ts-node loads, so child processes (the app) inherit it.
process.env.TS_NODE_PROJECT = require('node:path').join(__dirname, 'tsconfig.json');
require('ts-node/register/transpile-only');
