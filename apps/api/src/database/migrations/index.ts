import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** Every migration in order. An explicit list, no globs; never edit one that has landed. */
export const MIGRATIONS = [InitialSchema1763900000000];
