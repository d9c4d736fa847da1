// The corpus loader lives with the server so that `hearth risk train` can use it (src/server/modules/safety/training).
export * from '../../src/server/modules/safety/training/corpus.js';
