import { Foundation1763700000000 } from './1763700000000-foundation.js';

/** Every migration, in order. Listed by hand: ESM has no glob loading, and this keeps the build explicit. */
export const migrations = [Foundation1763700000000];
