import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { ResidentsLedger1763990000000 } from './1763990000000-residents-ledger';
import { ResidentsNameSearch1764000000000 } from './1764000000000-residents-name-search';
import { EmployersAndPosts1764100000000 } from './1764100000000-employers-and-posts';
import { Matching1764200000000 } from './1764200000000-matching';
import { ApplicationsAndHires1764300000000 } from './1764300000000-applications-and-hires';
import { Notifications1764400000000 } from './1764400000000-notifications';
import { Accounts1764500000000 } from './1764500000000-accounts';
import { AuditChainAndErasure1764510000000 } from './1764510000000-audit-chain-and-erasure';
import { FlexibleEmployment1764600000000 } from './1764600000000-flexible-employment';
import { SavedSearches1764700000000 } from './1764700000000-saved-searches';
import { EmployerRevocation1764720000000 } from './1764720000000-employer-revocation';
import { QuickProfile1764730000000 } from './1764730000000-quick-profile';
import { GigMarket1764800000000 } from './1764800000000-gig-market';
import { GigPoints1764820000000 } from './1764820000000-gig-points';
import { RegionCentres1764810000000 } from './1764810000000-region-centres';
import { Households1764830000000 } from './1764830000000-households';
import { RecruitmentEvents1764900000000 } from './1764900000000-recruitment-events';
import { Policies1764910000000 } from './1764910000000-policies';
import { SharedStaff1764920000000 } from './1764920000000-shared-staff';
import { IdempotencyRecords1764930000000 } from './1764930000000-idempotency-records';
import { PostPhotos1764940000000 } from './1764940000000-post-photos';
import { ApplicationsPostIndex1764950000000 } from './1764950000000-applications-post-index';

/** Every migration in order. An explicit list, no globs; never edit one that has landed. */
export const MIGRATIONS = [InitialSchema1763900000000, ResidentsLedger1763990000000, ResidentsNameSearch1764000000000, EmployersAndPosts1764100000000, Matching1764200000000, ApplicationsAndHires1764300000000, Notifications1764400000000, Accounts1764500000000, AuditChainAndErasure1764510000000, FlexibleEmployment1764600000000, SavedSearches1764700000000, EmployerRevocation1764720000000, QuickProfile1764730000000, GigMarket1764800000000, RegionCentres1764810000000, GigPoints1764820000000, Households1764830000000, RecruitmentEvents1764900000000, Policies1764910000000, SharedStaff1764920000000, IdempotencyRecords1764930000000, PostPhotos1764940000000, ApplicationsPostIndex1764950000000];
