export * from './common';
export * from './evidence';
export * from './capture';
export * from './lead';
export * from './contact';
export * from './activity';
export * from './task';
export * from './settings';
