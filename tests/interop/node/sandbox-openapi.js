// Calls the RoleDesk sandbox with the official @alicloud/openapi-client 0.4.15 (signature V3,
// ACS3-HMAC-SHA256), exactly as a product SDK built on it would: callApi() with style RPC, POST /,
// parameters as a form body (and once in the query).
//
// env: SANDBOX_ENDPOINT ("127.0.0.1:PORT"), SANDBOX_AK, SANDBOX_SECRET
// stdout: one JSON object with what happened (no secrets).
'use strict';

const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const endpoint = process.env.SANDBOX_ENDPOINT;
const ak = process.env.SANDBOX_AK;
const secret = process.env.SANDBOX_SECRET;

function client(accessKeySecret) {
  return new OpenApi.default(new OpenApi.Config({
    accessKeyId: ak, accessKeySecret, endpoint, protocol: 'http', regionId: 'cn-hangzhou',
  }));
}

function params(action, version) {
  return new OpenApi.Params({
    action, version, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC',
    reqBodyType: 'formData', bodyType: 'json',
  });
}

async function main() {
  const out = {};
  const runtime = new Util.RuntimeOptions({ autoretry: false });
  const c = client(secret);

  const page = await c.callApi(params('ListServerIdeInstances', '2024-05-18'),
    new OpenApi.OpenApiRequest({ body: { PageNumber: 2, PageSize: 5, Keyword: 'lab' } }), runtime);
  out.listBody = {
    statusCode: page.statusCode,
    totalCount: page.body.PagingInfo.TotalCount,
    pageNumber: page.body.PagingInfo.PageNumber,
    ids: page.body.PagingInfo.Instances.map((i) => i.InstanceId),
  };

  // Every environment, following NextToken, parameters in the query this time.
  const ids = [];
  let token = '';
  let requests = 0;
  do {
    const query = { MaxResults: '15' };
    if (token) query.NextToken = token;
    const r = await c.callApi(params('ListServerIdeInstances', '2024-05-18'),
      new OpenApi.OpenApiRequest({ query }), runtime);
    r.body.PagingInfo.Instances.forEach((i) => ids.push(i.InstanceId));
    token = r.body.NextToken;
    requests += 1;
  } while (token && requests < 100);
  out.listAll = { count: ids.length, distinct: new Set(ids).size, requests };

  const who = await c.callApi(params('GetCallerIdentity', '2015-04-01'), new OpenApi.OpenApiRequest({}), runtime);
  out.identity = { statusCode: who.statusCode, arn: who.body.Arn, accountId: who.body.AccountId };

  try {
    await client(secret + 'x').callApi(params('GetCallerIdentity', '2015-04-01'), new OpenApi.OpenApiRequest({}), runtime);
    out.wrongSecret = { code: 'no error' };
  } catch (e) {
    out.wrongSecret = { code: e.code, statusCode: e.data ? e.data.statusCode : null };
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.log(JSON.stringify({ error: String(e && e.code ? e.code + ': ' + e.message : e) }));
  process.exit(1);
});
