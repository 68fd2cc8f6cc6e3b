'use strict';
// bench_cli's peer, timed as a whole process by bench_cli: the official @alicloud/openapi-client 0.4.15 lists every
// ListServerIdeInstances page with its natural sequential loop over PageNumber (PageSize 100, signature V3, the
// client's default), then writes the instances to stdout with JSON.stringify, like `roledesk-cli envs list --json`.
// A Throttling answer is retried after an exponential back-off (300 ms, 600 ms, ... up to 8 attempts): the SDK's
// callApi does not retry it by itself, and a listing that simply failed would not be a comparison.
// Usage: node list-json-e2e.js <endpoint> <keyId> <secret> <region> [pageSize]
// Exit 0 with the JSON array on stdout; exit 1 with the error on stderr.
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const [endpoint, accessKeyId, accessKeySecret, regionId, pageSizeText] = process.argv.slice(2);
const pageSize = Number(pageSizeText || 100);
const url = new URL(endpoint);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const client = new OpenApi.default(new OpenApi.Config({
    accessKeyId, accessKeySecret, regionId, endpoint: url.host, protocol: url.protocol.replace(':', ''),
  }));
  const params = new OpenApi.Params({
    action: 'ListServerIdeInstances', version: '2024-05-18', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  const all = [];
  let throttled = 0;
  for (let page = 1; ; page++) {
    const request = new OpenApi.OpenApiRequest({ query: { PageNumber: String(page), PageSize: String(pageSize) } });
    let answer;
    for (let attempt = 1; ; attempt++) {
      try {
        answer = await client.callApi(params, request, new Util.RuntimeOptions({}));
        break;
      } catch (e) {
        const code = String((e && e.code) || '');
        if (!code.startsWith('Throttling') || attempt >= 8) throw e;
        throttled++;
        await sleep(300 * 2 ** (attempt - 1));
      }
    }
    const info = answer.body.PagingInfo;
    all.push(...info.Instances);
    if (info.Instances.length === 0 || all.length >= info.TotalCount) break;
  }
  process.stdout.write(JSON.stringify(all, null, 4) + '\n');
  process.stderr.write(`listed ${all.length}, throttled ${throttled}\n`);
}

main().catch((e) => {
  process.stderr.write(`error: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
});
