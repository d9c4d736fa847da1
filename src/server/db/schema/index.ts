export * from './accounts.js';
export * from './audit.js';
export * from './live.js';
export * from './community.js';
export * from './safety.js';
export * from './installation.js';
export * from './safety-team.js';
export * from './conversations.js';
