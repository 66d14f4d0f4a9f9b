/**
 * The API's contract as the phone and the rules use it, without zod at run time: the routes, the
 * types inferred from the schemas, and the hand-written types of endpoints not yet defined by a
 * schema (./legacy). The schemas themselves are `@qinqing/domain/schemas` (./schemas/index.ts).
 */
export * from './legacy';
export * from './routes';
export type * from './types';
