// @ts-check
// A CommonJS backend (`"type": "commonjs"`) that require()s the ESM-only packages, as Node
// ≥ 20.19 / 22.12 allows: it signs a create, completes the session headlessly, and prints
// what it got. Type-checked too (checkJs, module nodenext).
const { Tokenframe, sign } = require('@tokenframe/node');
const { completeSession, testData } = require('@tokenframe/testing');

async function main() {
  const baseUrl = String(process.env.TOKENFRAME_URL);
  const tokenframe = new Tokenframe({ baseUrl, username: 'demo', secret: 'demo-secret' });
  const participant = `cjs-${Date.now()}`;
  const created = await tokenframe.sessions.create({
    participant_unique_id1: participant,
    recipient_information: testData.recipient,
  });
  const completed = await completeSession(created.data.authorized_url, { destination: 'ach' });
  // sign() with a plain fetch: the ops API lists the session, now completed.
  const pathAndQuery = `/api/v1/sessions?participant_unique_id1=${participant}`;
  const headers = sign({
    method: 'GET',
    pathAndQuery,
    body: '',
    username: 'demo',
    secret: 'demo-secret',
  });
  const listed = await (await fetch(new URL(pathAndQuery, baseUrl), { headers })).json();
  /** @type {100 | 101} */
  const status = created.status;
  console.log(
    JSON.stringify({
      status,
      token: completed.customer_account_token,
      listed: listed.data.sessions.map((/** @type {{ state: string }} */ s) => s.state),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
