'use strict';
// bench_credentials' peer for signing: single-thread signatures per second of the official
// @alicloud/openapi-util 0.3.3 for the schemes it has (V3 ACS3-HMAC-SHA256 via getAuthorization, RPC V1 via
// getRPCSignature), on the same requests bench_credentials signs with RoleDesk's Signing functions.
// Usage: node sign-throughput.js <milliseconds per measurement> <repetitions>
// Prints one JSON line: {"v3":[per-second,...],"rpc":[per-second,...]}
const OpenApiUtil = require('@alicloud/openapi-util').default;
const $tea = require('@alicloud/tea-typescript');

const ms = Number(process.argv[2] || 500);
const reps = Number(process.argv[3] || 5);
const keyId = 'LTAI5tBenchKeyId00000000';
const secret = 'BenchSecret0123456789abcdefghij';
const emptyHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from('', 'utf8'), 'ACS3-HMAC-SHA256'));

function v3() {
  // ListServerIdeInstances as @alicloud/openapi-client sends it (RPC style, parameters in the query).
  const request = new $tea.Request();
  request.method = 'POST';
  request.pathname = '/';
  request.query = { PageNumber: '7', PageSize: '100', ProjectId: '10001', Keyword: 'notebook' };
  request.headers = {
    host: 'dataworks.cn-hangzhou.aliyuncs.com',
    'x-acs-version': '2024-05-18',
    'x-acs-action': 'ListServerIdeInstances',
    'user-agent': 'bench',
    'x-acs-date': '2026-11-28T14:00:00Z',
    'x-acs-signature-nonce': 'b2a9c7e8f0d14e2f9a6b3c5d7e8f9a0b',
    accept: 'application/json',
    'x-acs-content-sha256': emptyHash,
  };
  return OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', emptyHash, keyId, secret);
}

function rpc() {
  return OpenApiUtil.getRPCSignature({
    Action: 'AssumeRole', Format: 'JSON', Version: '2015-04-01', AccessKeyId: keyId,
    SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: 'b2a9c7e8f0d14e2f9a6b3c5d7e8f9a0b',
    Timestamp: '2026-11-28T14:00:00Z', RoleArn: 'acs:ram::1234567890123456:role/dw-dev-role',
    RoleSessionName: 'roledesk-check', DurationSeconds: '3600',
  }, 'POST', secret);
}

function rate(fn) {
  for (let i = 0; i < 2000; i++) fn(); // JIT warm-up
  const out = [];
  for (let r = 0; r < reps; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const limit = BigInt(ms) * 1000000n;
    let elapsed = 0n;
    while (elapsed < limit) {
      for (let i = 0; i < 200; i++) fn();
      n += 200;
      elapsed = process.hrtime.bigint() - start;
    }
    out.push(n / (Number(elapsed) / 1e9));
  }
  return out;
}

process.stdout.write(JSON.stringify({ v3: rate(v3), rpc: rate(rpc) }) + '\n');
