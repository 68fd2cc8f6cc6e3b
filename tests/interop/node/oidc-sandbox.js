// Step 2 of the official @alicloud/credentials 2.4.7 default chain (OIDC from ALIBABA_CLOUD_ROLE_ARN,
// ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_ROLE_SESSION_NAME) against the
// sandbox, then STS GetCallerIdentity with the credential (@alicloud/openapi-client).
// The library always speaks HTTPS to sts.aliyuncs.com (or sts.<region>...); only its transport is redirected to
// the sandbox's loopback address over HTTP: method, path, query, headers and body stay exactly as it built them.
//
// env: SANDBOX_ENDPOINT ("127.0.0.1:PORT") and the OIDC variables.
// stdout: one JSON object, never a secret or a token.
'use strict';

const http = require('@alicloud/credentials/dist/src/providers/http');
const Credential = require('@alicloud/credentials');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const original = http.doRequest;
const seen = [];
http.doRequest = async (req) => {
  seen.push({ host: req.host, protocol: req.protocol, method: req.method, action: (req.queries || {}).Action });
  req.protocol = 'http';
  req.host = process.env.SANDBOX_ENDPOINT;
  return original(req);
};

async function main() {
  const cred = new Credential.default();
  const c = await cred.getCredential();
  const client = new OpenApi.default(new OpenApi.Config({ credential: cred, endpoint: process.env.SANDBOX_ENDPOINT, protocol: 'http' }));
  const who = await client.callApi(new OpenApi.Params({
    action: 'GetCallerIdentity', version: '2015-04-01', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  }), new OpenApi.OpenApiRequest({}), new Util.RuntimeOptions({ autoretry: false }));
  console.log(JSON.stringify({
    providerName: c.providerName,
    keyIdPrefix: c.accessKeyId.slice(0, 4),
    tokenPresent: (c.securityToken || '').length > 0,
    arn: who.body.Arn,
    identityType: who.body.IdentityType,
    requests: seen,
  }));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e), requests: seen }));
  process.exit(1);
});
