import { defineStorageSuite } from '../testing/storageSuite';

defineStorageSuite('PGlite');
