// `@qinqing/domain/schemas` for TypeScript's node10 resolution (Node itself reads package.json's
// "exports"); the source is src/contract/schemas/index.ts.
export * from './dist/contract/schemas/index';
