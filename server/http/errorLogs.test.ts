import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore } from '../storage/openStore';
import type { Store } from '../storage/store';
import { startTestApp, type TestApp } from '../testing/testApp';
import { sampleSessionRequest } from '../testing/signedClient';

/** The sandbox test PANs and the sample recipient's details: none may reach a log line. */
const SENSITIVE = [
  '4000056655665556',
  '5200828282828210',
  '4111111111111111',
  '000123456789',
  'Frost',
  '123 Main St',
  'Atlanta',
  '30313',
  'jack@example.com',
  '1231231234',
];

/** A driver error that quotes everything, the way database errors quote parameters. */
function driverError(sql: string, params: readonly unknown[] = []): Error {
  const quoted = `${JSON.stringify(params)} ${SENSITIVE.join(' ')}`;
  return Object.assign(new Error(`violates constraint: ${quoted}`), {
    code: '23505',
    detail: `Key (params)=(${quoted}) already exists.`,
    where: quoted,
    query: sql,
    params,
  });
}

let real: Store;
let onFire = false;
const logs: string[] = [];
let service: TestApp;
let sessionId: string;
let authorizedUrl: URL;
let accessToken: string;

beforeAll(async () => {
  real = await openStore({});
  const failing: Store = {
    engine: real.engine,
    query: (sql, params) =>
      onFire ? Promise.reject(driverError(sql, params)) : real.query(sql, params),
    transaction: (fn) =>
      real.transaction((tx) =>
        fn({
          ...tx,
          engine: tx.engine,
          query: (sql, params) =>
            onFire ? Promise.reject(driverError(sql, params)) : tx.query(sql, params),
          transaction: tx.transaction.bind(tx),
          close: tx.close.bind(tx),
        }),
      ),
    afterCommit: (effect) => real.afterCommit(effect),
    close: () => real.close(),
  };
  service = await startTestApp({
    store: failing,
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
  });
  const created = await service.client.createSession(sampleSessionRequest(), 'logs-1');
  sessionId = created.body.data.session_identifier;
  const replay = await service.client.createSession(sampleSessionRequest(), 'logs-1');
  authorizedUrl = new URL(replay.body.data.authorized_url);
  const exchanged = await exchange(new URL(created.body.data.authorized_url));
  accessToken = ((await exchanged.json()) as { access_token: string }).access_token;
}, 60_000);
afterAll(async () => {
  await service?.close();
  await real?.close();
});

function exchange(url: URL) {
  return fetch(`${service.url}/api/widget/v1/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      session_identifier: sessionId,
      t: url.searchParams.get('t'),
      h: url.searchParams.get('h'),
    }),
  });
}

function widget(path: string, body: unknown) {
  return fetch(`${service.url}/api/widget/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

test('a forced 5xx on every API logs the failure without a request or SQL parameter value', async () => {
  onFire = true;
  try {
    const statuses = {
      create: (
        await service.client.createSession(sampleSessionRequest({ participant_unique_id1: 'p-2' }))
      ).httpStatus,
      list: (
        await service.client.send('GET', '/api/v1/sessions?participant_unique_id1=participant-1')
      ).httpStatus,
      get: (await service.client.send('GET', `/api/v1/sessions/${sessionId}`)).httpStatus,
      terminate: (await service.client.send('POST', `/api/v1/sessions/${sessionId}/terminate`))
        .httpStatus,
      exchange: (await exchange(authorizedUrl)).status,
      account: (
        await widget('/account', {
          funding_destination: 'debit',
          first_name: 'Jack',
          last_name: 'Frost',
          card_number: '4000056655665556',
          expiration_month: '12',
          expiration_year: '2030',
          address: {
            address_line1: '123 Main St',
            city: 'Atlanta',
            state: 'GA',
            zip_code: '30313',
          },
        })
      ).status,
      confirm: (await widget('/confirm', {})).status,
      document: (await fetch(`${service.url}/session/${sessionId}${authorizedUrl.search}`)).status,
    };
    expect(statuses).toEqual({
      create: 500,
      list: 500,
      get: 500,
      terminate: 500,
      exchange: 500,
      account: 500,
      confirm: 500,
      document: 500,
    });
  } finally {
    onFire = false;
  }
  const errorLines = logs.filter((line) => JSON.parse(line).level >= 50);
  // One error line per failed request, each naming the error and its SQLSTATE.
  expect(errorLines.length).toBeGreaterThanOrEqual(8);
  for (const line of errorLines) expect(JSON.parse(line).err).toMatchObject({ code: '23505' });
  const everything = logs.join('\n');
  for (const value of [...SENSITIVE, 'participant-1', 'violates constraint'])
    expect(everything, value).not.toContain(value);
});
