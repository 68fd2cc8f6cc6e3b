'use strict';
// bench_listing's peer: the official @alicloud/openapi-client 0.4.15 lists every ListServerIdeInstances page
// with its natural sequential loop over PageNumber (signature V3, the client's default), against the sandbox.
// Usage: node list-openapi-client.js <endpoint> <keyId> <secret> <region> <pageSize> <expected> [warmups]
// Prints one JSON line: {"ms": <timed listing>, "count": N}  or  {"error": "..."}
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const [endpoint, accessKeyId, accessKeySecret, regionId, pageSizeText, expectedText, warmupsText] = process.argv.slice(2);
const pageSize = Number(pageSizeText || 100);
const expected = Number(expectedText || 0);
const warmups = Number(warmupsText || 1);
const url = new URL(endpoint);

async function listAll() {
  // A new client per listing, like a program that lists once.
  const client = new OpenApi.default(new OpenApi.Config({
    accessKeyId, accessKeySecret, regionId, endpoint: url.host, protocol: url.protocol.replace(':', ''),
  }));
  const params = new OpenApi.Params({
    action: 'ListServerIdeInstances', version: '2024-05-18', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  const all = [];
  for (let page = 1; ; page++) {
    const request = new OpenApi.OpenApiRequest({ query: { PageNumber: String(page), PageSize: String(pageSize) } });
    const answer = await client.callApi(params, request, new Util.RuntimeOptions({}));
    const info = answer.body.PagingInfo;
    all.push(...info.Instances);
    if (info.Instances.length === 0 || all.length >= info.TotalCount) break;
  }
  return all;
}

(async () => {
  try {
    for (let i = 0; i < warmups; i++) await listAll();
    const start = process.hrtime.bigint();
    const all = await listAll();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (expected && all.length !== expected) throw new Error(`listed ${all.length}, expected ${expected}`);
    process.stdout.write(JSON.stringify({ ms, count: all.length }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.message ? e.message : e) }) + '\n');
    process.exitCode = 1;
  }
})();
