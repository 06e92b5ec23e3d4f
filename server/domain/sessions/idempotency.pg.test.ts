import { defineIdempotencySuite } from '../../testing/idempotencySuite';
import { TEST_DATABASE_URL } from '../../testing/testDatabaseUrl';

defineIdempotencySuite('PostgreSQL', TEST_DATABASE_URL);
