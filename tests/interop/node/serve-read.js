// Reads credentials from a RoleDesk local credentials service (`roledesk-cli serve` / `exec`) with the official
// @alicloud/credentials 2.4.7, and proves each credential works with STS GetCallerIdentity (@alicloud/openapi-client).
//
// env: SERVE_URI        the URI `serve` printed (type credentials_uri); unset: the default credential chain, which
//                       must find ALIBABA_CLOUD_CREDENTIALS_URI (what `exec` sets)
//      SANDBOX_ENDPOINT "127.0.0.1:PORT" for GetCallerIdentity
//      MODE             "once" (default) or "rotate": after the first line, poll until the key id changes (60 s)
// stdout: one JSON line per credential: {"step", "keyIdHash", "keyIdPrefix", "tokenPresent", "arn",
//         "identityType", "secretEnv": [names of secret-looking variables in this process's environment], "uriEnv"}
// Never prints the key id, the secret or the token.
'use strict';

const crypto = require('crypto');
const Credential = require('@alicloud/credentials');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

function hash(text) {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function callerIdentity(cred) {
  const client = new OpenApi.default(new OpenApi.Config({
    credential: cred, endpoint: process.env.SANDBOX_ENDPOINT, protocol: 'http',
  }));
  const who = await client.callApi(new OpenApi.Params({
    action: 'GetCallerIdentity', version: '2015-04-01', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  }), new OpenApi.OpenApiRequest({}), new Util.RuntimeOptions({ autoretry: false }));
  return who.body;
}

async function report(step, cred, c) {
  const who = await callerIdentity(cred);
  const secretEnv = Object.keys(process.env).filter(
    (k) => /SECRET|TOKEN|ACCESS_KEY|PASSWORD/i.test(k));
  console.log(JSON.stringify({
    step,
    keyIdHash: hash(c.accessKeyId),
    keyIdPrefix: c.accessKeyId.slice(0, 4),
    tokenPresent: (c.securityToken || '').length > 0,
    arn: who.Arn,
    identityType: who.IdentityType,
    secretEnv,
    uriEnv: Boolean(process.env.ALIBABA_CLOUD_CREDENTIALS_URI),
  }));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const cred = process.env.SERVE_URI
    ? new Credential.default(new Credential.Config({ type: 'credentials_uri', credentialsURI: process.env.SERVE_URI }))
    : new Credential.default();
  const first = await cred.getCredential();
  await report(1, cred, first);
  if (process.env.MODE !== 'rotate') return;
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    await sleep(200);
    const next = await cred.getCredential();
    if (next.accessKeyId !== first.accessKeyId) {
      await report(2, cred, next);
      return;
    }
  }
  console.log(JSON.stringify({ error: 'the credential did not change within 60 s' }));
  process.exit(2);
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e) }));
  process.exit(1);
});
