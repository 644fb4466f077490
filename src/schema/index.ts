export * from './common';
export * from './org';
export * from './capabilities';
export * from './people';
export * from './role';
