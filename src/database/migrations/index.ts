import { Foundation1763700000000 } from './1763700000000-foundation.js';
import { Procedures1763750000000 } from './1763750000000-procedures.js';
import { Calendar1763800000000 } from './1763800000000-calendar.js';
import { Dossiers1763900000000 } from './1763900000000-dossiers.js';
import { Notifications1764000000000 } from './1764000000000-notifications.js';
import { Lookup1764100000000 } from './1764100000000-lookup.js';
import { Import1764200000000 } from './1764200000000-import.js';
import { Payments1764300000000 } from './1764300000000-payments.js';
import { Results1764400000000 } from './1764400000000-results.js';
import { Stats1764500000000 } from './1764500000000-stats.js';
import { PasswordReset1764550000000 } from './1764550000000-password-reset.js';
import { StatsRollup1764600000000 } from './1764600000000-stats-rollup.js';

/** Every migration, in order. Listed by hand: ESM has no glob loading, and this keeps the build explicit. */
export const migrations = [
  Foundation1763700000000,
  Procedures1763750000000,
  Calendar1763800000000,
  Dossiers1763900000000,
  Notifications1764000000000,
  Lookup1764100000000,
  Import1764200000000,
  Payments1764300000000,
  Results1764400000000,
  Stats1764500000000,
  PasswordReset1764550000000,
  StatsRollup1764600000000,
];
