'use strict';
// bench_credentials' peer: fetch latency of the official @alicloud/credentials 2.4.7 (type credentials_uri)
// from a loopback credentials URI, forced to really fetch every time:
//   mode "new":     a new Credential client per fetch (what a short-lived program does);
//   mode "refresh": one client whose session is marked expired before each getCredential(), so
//                   SessionCredentialProvider.getSession() takes its own refresh path (needUpdateCredential()
//                   is true when expirationTimestamp is unset) and GETs the URI again.
// Usage: node creds-uri-latency.js <url> <mode> <count> [warmups]
// Prints one JSON line: {"samples":[ms,...]} (never the credential itself)  or  {"error":"..."}
const Credential = require('@alicloud/credentials').default;

const [url, mode, countText, warmupsText] = process.argv.slice(2);
const count = Number(countText || 500);
const warmups = Number(warmupsText || 50);

(async () => {
  try {
    const shared = new Credential({ type: 'credentials_uri', credentialsURI: url });
    const fetchOnce = async () => {
      let client = shared;
      if (mode === 'new') {
        client = new Credential({ type: 'credentials_uri', credentialsURI: url });
      } else {
        client.credential.provider.expirationTimestamp = undefined;
      }
      const c = await client.getCredential();
      if (!c.accessKeyId || !c.securityToken) throw new Error('no credential');
    };
    for (let i = 0; i < warmups; i++) await fetchOnce();
    const samples = [];
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint();
      await fetchOnce();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    process.stdout.write(JSON.stringify({ samples }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e && e.message ? e.message : e) }) + '\n');
    process.exitCode = 1;
  }
})();
