/** The PostgreSQL of the postgres test project: `.ci/run` creates it; same default locally. */
export const TEST_DATABASE_URL =
  process.env.TOKENFRAME_TEST_DATABASE_URL ||
  'postgres://tokenframe:tokenframe@127.0.0.1:5432/tokenframe_test';
