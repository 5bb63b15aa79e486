// The public library: everything below the CLI, importable without side effects.
export * from './core/types.js';
export * from './core/errors.js';
