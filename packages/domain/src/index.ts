export * from './enums';
export * from './lifecycle';
export * from './text';
export * from './errors';
export * from './search';
export * from './schemas/common';
export * from './schemas/resources';
export * from './access';
