'use strict';
// Reads a credentials URI with the official @alicloud/credentials (type credentials_uri), as RoleDesk's interop
// test does with its own provider. Usage: node creds-uri.js <url> [calls]
// Prints one JSON line per getCredential() call:
//   {"ok":true,"accessKeyId":...,"accessKeySecret":...,"securityToken":...,"expirationMs":<epoch ms or null>}
//   {"ok":false,"error":"<message>"}
// Before every call after the first it waits for a line on stdin, so the test can change the server's answer.
// The output carries secrets: the test compares them in memory and never prints them.
const Credential = require('@alicloud/credentials').default;
const readline = require('readline');

const url = process.argv[2];
const calls = Number.parseInt(process.argv[3] || '1', 10);
const client = new Credential({ type: 'credentials_uri', credentialsURI: url });
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function once() {
  try {
    const c = await client.getCredential();
    // The model has no expiration; the provider's session keeps the one it parsed.
    const session = client.credential.provider.session;
    const expiration = session && session.expiration ? Date.parse(session.expiration) : null;
    return {
      ok: true,
      accessKeyId: c.accessKeyId,
      accessKeySecret: c.accessKeySecret,
      securityToken: c.securityToken,
      expirationMs: Number.isNaN(expiration) ? null : expiration,
    };
  } catch (e) {
    return { ok: false, error: String(e && e.message ? e.message : e) };
  }
}

(async () => {
  for (let i = 0; i < calls; i++) {
    if (i > 0) await lines.next();
    process.stdout.write(JSON.stringify(await once()) + '\n');
  }
  process.exit(0);
})();
