// Reads an environment's credentials URI with the official @alicloud/credentials 2.4.7 (type
// credentials_uri, what ALIBABA_CLOUD_CREDENTIALS_URI selects inside an environment), then proves the
// credential works by calling STS GetCallerIdentity with @alicloud/openapi-client.
//
// env: SANDBOX_CREDENTIALS_URI, SANDBOX_ENDPOINT ("127.0.0.1:PORT")
// stdout: one JSON object; the key id only masked, never the secret or the token.
'use strict';

const Credential = require('@alicloud/credentials');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

async function main() {
  const cred = new Credential.default(new Credential.Config({
    type: 'credentials_uri', credentialsURI: process.env.SANDBOX_CREDENTIALS_URI,
  }));
  const c = await cred.getCredential();
  const out = {
    keyIdPrefix: c.accessKeyId.slice(0, 4),
    secretPresent: c.accessKeySecret.length > 0,
    tokenLength: c.securityToken.length,
    type: c.type,
  };
  const client = new OpenApi.default(new OpenApi.Config({ credential: cred, endpoint: process.env.SANDBOX_ENDPOINT, protocol: 'http' }));
  const who = await client.callApi(new OpenApi.Params({
    action: 'GetCallerIdentity', version: '2015-04-01', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  }), new OpenApi.OpenApiRequest({}), new Util.RuntimeOptions({ autoretry: false }));
  out.arn = who.body.Arn;
  out.identityType = who.body.IdentityType;
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e) }));
  process.exit(1);
});
