import { defineStorageSuite } from '../testing/storageSuite';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';

defineStorageSuite('PostgreSQL', TEST_DATABASE_URL);
