// Reads credentials with the official @alicloud/credentials 2.4.7 default chain, from a HOME whose
// ~/.aliyun/config.json the test wrote (current profile in mode External, whose process_command is
// `roledesk-cli creds process ...`). Prints one JSON object: SHA-256 digests of the key id, the secret and the
// token (never the values), and the provider name the library reports.
'use strict';

const crypto = require('crypto');
const Credential = require('@alicloud/credentials');

const sha = (s) => crypto.createHash('sha256').update(s || '').digest('hex');

async function main() {
  const cred = new Credential.default();
  const c = await cred.getCredential();
  console.log(JSON.stringify({
    keyIdSha: sha(c.accessKeyId),
    secretSha: sha(c.accessKeySecret),
    tokenSha: sha(c.securityToken),
    providerName: c.providerName,
  }));
}

main().catch((e) => {
  // The library's messages name the command, never its output.
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e) }));
  process.exit(1);
});
