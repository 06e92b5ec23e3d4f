import { defineIdempotencySuite } from '../../testing/idempotencySuite';

defineIdempotencySuite('PGlite');
