export * from './policy';
export * from './geo';
export * from './evaluate-check-in';
export * from './offline-check-in';
