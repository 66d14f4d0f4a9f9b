export * from './roles';
export * from './purposes';
export * from './enterprise';
export * from './visit';
export * from './reasons';
export * from './errors';
export * from './uscc';
export * from './conduct';
