import { defineFailedWebhookRetentionSuite } from '../testing/failedWebhookRetentionSuite';
import { TEST_DATABASE_URL } from '../testing/testDatabaseUrl';

defineFailedWebhookRetentionSuite('PostgreSQL', TEST_DATABASE_URL);
