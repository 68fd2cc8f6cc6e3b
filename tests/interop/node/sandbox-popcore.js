// Calls the RoleDesk sandbox with the official @alicloud/pop-core 1.8.0 RPCClient (RPC signature V1,
// HMAC-SHA1), by GET (parameters in the query) and by POST (form body).
//
// env: SANDBOX_URL ("http://127.0.0.1:PORT"), SANDBOX_AK, SANDBOX_SECRET
// stdout: one JSON object (no secrets).
'use strict';

const RPCClient = require('@alicloud/pop-core').RPCClient;

function client(accessKeySecret, apiVersion) {
  return new RPCClient({
    accessKeyId: process.env.SANDBOX_AK, accessKeySecret, endpoint: process.env.SANDBOX_URL, apiVersion,
  });
}

async function main() {
  const out = {};
  const sts = client(process.env.SANDBOX_SECRET, '2015-04-01');
  const get = await sts.request('GetCallerIdentity', {});
  out.get = { arn: get.Arn, identityType: get.IdentityType };
  const post = await sts.request('GetCallerIdentity', {}, { method: 'POST' });
  out.post = { arn: post.Arn };
  const ram = client(process.env.SANDBOX_SECRET, '2015-05-01');
  const roles = await ram.request('ListRoles', { MaxItems: 100 });
  out.roles = roles.Roles.Role.map((r) => r.RoleName);
  try {
    await client(process.env.SANDBOX_SECRET + 'x', '2015-04-01').request('GetCallerIdentity', {});
    out.wrongSecret = { code: 'no error' };
  } catch (e) {
    out.wrongSecret = { code: e.code };
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e) }));
  process.exit(1);
});
