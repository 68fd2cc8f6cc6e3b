// Signing oracle for tests/interop/test_signinginterop.cpp: the official @alicloud/openapi-util 0.3.3 computes
// signatures for requests that RoleDesk signed too, so the test can compare them byte for byte.
//
// stdin: one JSON object per line
//   {"id":N,"scheme":"v3","method":"POST","path":"/decoded/path","query":[[k,v],...],"headers":[[k,v],...],
//    "body":"...","accessKeyId":"...","secret":"..."}
//   {"id":N,"scheme":"rpc","method":"GET","params":[[k,v],...],"secret":"..."}
// stdout: one JSON object per line
//   {"id":N,"authorization":"ACS3-HMAC-SHA256 ...","payloadHash":"hex"}  or  {"id":N,"signature":"base64"}
//   {"id":N,"error":"message"} when the package throws.
//
// The request is built the way @alicloud/openapi-client 0.4.15 builds it: pathname encoded with
// getEncodePath(), query and headers as plain objects, the payload hash from hash()+hexEncode() of the body
// bytes, also sent as x-acs-content-sha256.
'use strict';

const OpenApiUtil = require('@alicloud/openapi-util').default;
const $tea = require('@alicloud/tea-typescript');

function signOne(input) {
  if (input.scheme === 'rpc') {
    return { id: input.id, signature: OpenApiUtil.getRPCSignature(Object.fromEntries(input.params), input.method, input.secret) };
  }
  if (input.scheme !== 'v3') {
    throw new Error('unknown scheme ' + input.scheme);
  }
  const payloadHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(input.body || '', 'utf8'), 'ACS3-HMAC-SHA256'));
  const request = new $tea.Request();
  request.method = input.method;
  request.pathname = OpenApiUtil.getEncodePath(input.path);
  request.query = Object.fromEntries(input.query);
  request.headers = Object.fromEntries(input.headers);
  request.headers['x-acs-content-sha256'] = payloadHash;
  const authorization = OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', payloadHash, input.accessKeyId, input.secret);
  return { id: input.id, authorization, payloadHash };
}

let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { buffered += chunk; });
process.stdin.on('end', () => {
  const out = [];
  for (const line of buffered.split('\n')) {
    if (line.trim() === '') continue;
    let input;
    try {
      input = JSON.parse(line);
      out.push(JSON.stringify(signOne(input)));
    } catch (e) {
      out.push(JSON.stringify({ id: input ? input.id : -1, error: String(e && e.message ? e.message : e) }));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
});
