/**
 * The API's contract as the phone and the rules use it, without zod at run time: the routes and
 * the types inferred from the schemas. The schemas themselves are `@qinqing/domain/schemas`
 * (./schemas/index.ts).
 */
export * from './routes';
export type * from './types';
