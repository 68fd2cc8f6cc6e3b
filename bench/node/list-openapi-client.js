'use strict';
// bench_listing's peer: the official @alicloud/openapi-client 0.4.15 lists every ListServerIdeInstances page
// with its natural sequential loop over PageNumber (signature V3, the client's default), against the sandbox.
// Usage: node list-openapi-client.js <endpoint> <keyId> <secret> <region> <pageSize> <expected> [warmups] [serverPid]
// Prints one JSON line: {"ms": <timed listing>, "count": N, "cpuMs": <this process>, "serverCpuMs": <server>}
// or {"error": "..."}
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');

const [endpoint, accessKeyId, accessKeySecret, regionId, pageSizeText, expectedText, warmupsText, serverPid] =
  process.argv.slice(2);
const fs = require('fs');
const pageSize = Number(pageSizeText || 100);
const expected = Number(expectedText || 0);
const warmups = Number(warmupsText || 1);
const url = new URL(endpoint);

// User + system CPU milliseconds of another process (the server), from /proc/<pid>/stat.
function processCpuMs(pid) {
  if (!pid) return null;
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return (Number(fields[11]) + Number(fields[12])) * 1000 / ticksPerSecond;
}

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
    const server0 = processCpuMs(serverPid);
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    const all = await listAll();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const serverCpuMs = serverPid ? processCpuMs(serverPid) - server0 : null;
    if (expected && all.length !== expected) throw new Error(`listed ${all.length}, expected ${expected}`);
    process.stdout.write(JSON.stringify({ ms, count: all.length, cpuMs, serverCpuMs }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.message ? e.message : e) }) + '\n');
    process.exitCode = 1;
  }
})();
