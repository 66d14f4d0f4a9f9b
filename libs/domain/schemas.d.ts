export * from './dist/contract/schemas/index';
