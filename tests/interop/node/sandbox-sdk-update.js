// Sends UpdateServerIdeInstance to the RoleDesk sandbox with the official @alicloud/openapi-client 0.4.15 exactly as
// the official DataWorks SDK (dataworks-public 2024-05-18, client.ts updateServerIdeInstanceWithOptions) builds it:
// InstanceId in the query string, CredentialConfig (the model serialised to a JSON string) in the form body, style
// RPC, POST /, signature V3. Then sends the same with InstanceId in the body, which a strict sandbox must refuse.
//
// env: SANDBOX_ENDPOINT ("127.0.0.1:PORT"), SANDBOX_AK, SANDBOX_SECRET, INSTANCE_ID, CREDENTIAL_CONFIG (JSON text)
// stdout: one JSON object with what happened (no secrets).
'use strict';

const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const c = new OpenApi.default(new OpenApi.Config({
  accessKeyId: process.env.SANDBOX_AK, accessKeySecret: process.env.SANDBOX_SECRET,
  endpoint: process.env.SANDBOX_ENDPOINT, protocol: 'http', regionId: 'cn-hangzhou',
}));
const params = new OpenApi.Params({
  action: 'UpdateServerIdeInstance', version: '2024-05-18', protocol: 'HTTP', pathname: '/', method: 'POST',
  authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});
const runtime = new Util.RuntimeOptions({ autoretry: false });

async function main() {
  const out = {};
  const id = process.env.INSTANCE_ID;
  const config = process.env.CREDENTIAL_CONFIG;
  const sdkStyle = await c.callApi(params, new OpenApi.OpenApiRequest({
    query: { InstanceId: id },
    body: { CredentialConfig: config },
  }), runtime);
  out.sdkStyle = { statusCode: sdkStyle.statusCode, instanceId: sdkStyle.body.InstanceId };
  try {
    await c.callApi(params, new OpenApi.OpenApiRequest({ body: { InstanceId: id, CredentialConfig: config } }), runtime);
    out.misplaced = { code: 'no error' };
  } catch (e) {
    out.misplaced = { code: e.code, statusCode: e.data ? e.data.statusCode : null, message: e.data ? e.data.Message : '' };
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e) }));
  process.exit(1);
});
