import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { ResidentsLedger1763990000000 } from './1763990000000-residents-ledger';

/** Every migration in order. An explicit list, no globs; never edit one that has landed. */
export const MIGRATIONS = [InitialSchema1763900000000, ResidentsLedger1763990000000];
