<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../../core/api/ApiClient.cpp" line="+300"/>
        <source>No credential is available to sign the request. Configure an AccessKey, a profile or another credential source, or refresh the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 did not answer within %2 seconds. Check the network and the endpoint, or raise the time-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The answer is not the JSON object the API returns (%1). Check that the endpoint points at the Alibaba Cloud API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The service had an internal error. Retry later; quote the RequestId if you contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The endpoint answered 404 Not Found: check the endpoint URL and region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This computer&apos;s clock is %1 minutes ahead of the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s clock is %1 minutes behind the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed requests carry the time and are rejected when it is off: synchronise the system clock (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../core/api/ApiError.cpp" line="+20"/>
        <source>The request signature was rejected: the AccessKey secret does not belong to this AccessKey ID, or the computer&apos;s clock is wrong. Check the secret (re-enter it) and the system time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The AccessKey ID does not exist (deleted, mistyped, or from another site such as the international vs. China site). Check the AccessKey ID or create a new AccessKey pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The AccessKey is disabled. Enable it in the RAM console or use another AccessKey pair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The STS security token has expired. Refresh the credential (or assume the role again) and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The STS security token is damaged or incomplete (often truncated when copied). Copy the whole token again or fetch a fresh credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The STS security token does not belong to this AccessKey ID. Use the key ID, secret and token from the same STS answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The identity used has no permission for this action. Ask an administrator to grant the RAM permission named in the message (for a role association also ram:PassRole on that role).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service is throttling requests (too many calls in a short time). Wait a moment and retry; RoleDesk already retried read requests with back-off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RAM role does not exist. Check the role name or ARN (account ID and role name) in the RAM console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The role session name is invalid: use 2 to 64 characters of letters, digits and . @ - _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request time was rejected: the computer&apos;s clock differs too much from the server&apos;s. Synchronise the system clock (NTP) and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request nonce was already used; this happens when a request is replayed. Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment was changed by someone else since it was shown. Reload it, check the change, and apply yours again if it is still wanted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RequestId %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiReply</name>
    <message>
        <location filename="../../core/api/ApiClient.cpp" line="-347"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliProfileProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="+86"/>
        <source>aliyun CLI profile (current) in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aliyun CLI profile %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>There is no profile named &quot;%1&quot; in %2. Pick one of its profiles (--profile or ALIBABA_CLOUD_PROFILE) or create it with `aliyun configure --profile %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>aliyun CLI profile %1 (%2) in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The profile lacks access_key_id, access_key_secret%1. Complete it with `aliyun configure --profile %2`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or sts_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The CredentialsURI profile %1 has no credentials_uri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The chain of source_profile entries is too long or circular.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Profile mode &quot;%1&quot; is not supported by RoleDesk. Use AK, StsToken, CredentialsURI or EcsRamRole.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialConfigMapping</name>
    <message>
        <location filename="../../core/model/CredentialConfigMapping.cpp" line="+50"/>
        <source>a role chain that names the role %1; RoleDesk only recognises the DataWorks default role chain without a named role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a role configuration with %1 roles instead of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a role configuration without a role ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the role %1 with role type &quot;%2&quot; (RoleDesk expects &quot;service&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a configuration without a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a configuration of type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+6"/>
        <source>a credential configuration that is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>enabled, but with no role configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 role configurations (an environment supports one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialError</name>
    <message>
        <location filename="../../core/credentials/CredentialError.cpp" line="+11"/>
        <source>(HTTP status %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialHttp</name>
    <message>
        <location filename="../../core/credentials/CredentialHttp.cpp" line="+71"/>
        <source>No connection within %1 ms (connect time-out). Check that the address is reachable from this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer within %1 ms after the request was sent (read time-out). The service is hanging; try again, or restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer is larger than %1 bytes and was cut off; a credentials answer is under 8 KiB. Check that the address really serves credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network error: %1. Check that the service runs and the address is right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialParser</name>
    <message>
        <location filename="../../core/credentials/CredentialParser.cpp" line="+50"/>
        <source>The answer is not valid JSON (%1 at offset %2). Check that the address really serves credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The answer is JSON but not an object. Check that the address really serves credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The answer&apos;s Code is &quot;%1&quot;, not &quot;Success&quot;: the service refused to hand out credentials. Read its message below and check the environment&apos;s RAM role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The answer lacks %1 (missing or empty). A credentials answer needs AccessKeyId, AccessKeySecret, SecurityToken and Expiration; check what serves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Expiration &quot;%1&quot; is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ (optionally with .mmm milliseconds); other forms are refused so that the expiry is never misread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The credential arrived already expired (Expiration %1, now %2). Check the machine&apos;s clock and whether the service renews its credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The service refused access: check that this machine may read the credentials (inside a DataWorks individual development environment, that a RAM role is attached).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service failed: try again in a moment; if it persists, restart the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the address: only HTTP 200 carries credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected HTTP status %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialSource</name>
    <message>
        <location filename="../../core/credentials/CredentialSource.cpp" line="+57"/>
        <source>Fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefaultCredentialChain</name>
    <message>
        <location filename="../../core/credentials/DefaultCredentialChain.cpp" line="+17"/>
        <source>OIDC role (ALIBABA_CLOUD_ROLE_ARN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OIDC role credentials are not supported yet. Unset ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE, or use another source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+25"/>
        <source>default credential chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No provider in the chain gave credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credential chain has no providers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcsRamRoleProvider</name>
    <message>
        <location filename="../../core/credentials/EcsRamRoleProvider.cpp" line="+34"/>
        <source>ECS RAM role (instance metadata %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>ECS RAM role %1 (instance metadata %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Instance metadata is disabled (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>HTTP status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No IMDSv2 token from the instance metadata service (%1), and IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED=true). Outside ECS this source cannot work; set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot ask the instance metadata service for the role name: %1 Outside ECS set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip this source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The instance metadata service names no RAM role: attach a RAM role to the instance, or name it in ALIBABA_CLOUD_ECS_METADATA.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <location filename="../../core/api/Endpoints.cpp" line="+74"/>
        <source>The endpoint &quot;%1&quot; is not a valid URL: give it as https://host[:port][/path].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refusing plain HTTP to %1: credentials and signatures would travel unencrypted. Use https://, or allow insecure HTTP explicitly (--allow-insecure-http) if this is a trusted private gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The endpoint %1 uses the unsupported scheme &quot;%2&quot;: use https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/EnvCredentialProvider.cpp" line="+15"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID is not set. Set it and ALIBABA_CLOUD_ACCESS_KEY_SECRET to use an AccessKey from the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set although ALIBABA_CLOUD_ACCESS_KEY_ID is. Set both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/credentials/EnvCredentialProvider.h" line="+13"/>
        <source>environment variables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvironmentStatus</name>
    <message>
        <location filename="../../core/model/Environment.cpp" line="+120"/>
        <source>Creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue payment</source>
        <extracomment>The Alibaba Cloud account has an overdue payment</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvironmentTableModel</name>
    <message>
        <location filename="../../ui/EnvironmentTableModel.cpp" line="+31"/>
        <source>Visibility (recorded by admins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Public or private in the workspace, as recorded by admins in RoleDesk: the DataWorks API does not expose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RAM role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/FileCredentialProvider.cpp" line="+26"/>
        <source>credentials file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file does not exist. It exists only inside a DataWorks individual development environment; elsewhere use an AccessKey, a profile or another source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be read (%1). Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is larger than 64 KiB; a credentials file is under 8 KiB. Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IniProfileProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="+38"/>
        <source>INI profile %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 has no [%2] section. Add it or choose another (--profile or ALIBABA_CLOUD_PROFILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>INI profile %1 (%2) in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The [%1] section lacks access_key_id or access_key_secret in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Profile type &quot;%1&quot; of [%2] is not supported by RoleDesk. Use access_key or ecs_ram_role.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainStore</name>
    <message>
        <location filename="../../ui/KeychainStore.cpp" line="+36"/>
        <source>No secret is stored in the OS keychain for &quot;%1&quot;. Enter the AccessKey pair again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No OS keychain is available (%1). RoleDesk does not store AccessKey secrets in plain text: start a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) or use a credentials file or profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS keychain refused access for &quot;%1&quot; (%2). Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS keychain failed for &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="-381"/>
        <source>%1 profiles are not supported yet: RoleDesk cannot call STS AssumeRole in this version. Use an AccessKey or StsToken profile, or the environment&apos;s credentials URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 does not exist. Run `aliyun configure` to create a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a valid aliyun CLI configuration (%2). Fix or recreate it with `aliyun configure`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+207"/>
        <source>%1 does not exist. Create it with an [default] section of type access_key, or use another source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+9"/>
        <source>RoleDesk is being built.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleArn</name>
    <message>
        <location filename="../../core/model/RoleArn.cpp" line="+19"/>
        <source>A role ARN looks like acs:ram::&lt;account-id&gt;:role/&lt;role-name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The role ARN is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; does not start with &quot;acs:ram::&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no &quot;:role/&quot; part: it is not a RAM role ARN (a user or an assumed-role session ARN cannot be associated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; has no account id between &quot;acs:ram::&quot; and &quot;:role/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account id &quot;%1&quot; in &quot;%2&quot; must contain digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no role name after &quot;role/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role name in &quot;%1&quot; has %2 characters; RAM allows at most 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role name &quot;%1&quot; may contain only letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleAssociation</name>
    <message>
        <location filename="../../core/model/RoleAssociation.cpp" line="+111"/>
        <source>No role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DataWorks default role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unrecognised configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Custom role %1</source>
        <extracomment>%1 is a RAM role ARN</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unrecognised configuration (%1)</source>
        <extracomment>%1 describes a credential configuration RoleDesk did not recognise</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="+32"/>
        <source>RoleDesk Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default public endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Endpoint for every service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One URL that serves every API (a private gateway or the sandbox). Plain HTTP is accepted only for loopback addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Endpoint (all services):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DataWorks endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DataWorks endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MaxCompute endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MaxCompute endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>system proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port. Never used for loopback or link-local addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Refresh before expiry, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh &amp;before expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warn before expiry, minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warn before expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AccessKey secrets are kept only in the OS keychain, never in RoleDesk&apos;s settings file. Prefer short-lived credentials where you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stored AccessKey pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AccessKey pair label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKey ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AccessKey secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the AccessKey pair in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected AccessKey pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keychain status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKey pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Enter a label, the AccessKey ID and the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storing in the OS keychain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stored &quot;%1&quot; in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Removed &quot;%1&quot; from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <location filename="../../ui/TimeText.cpp" line="+38"/>
        <source>does not expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <extracomment>a countdown in seconds, shown only in the last minute</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min</source>
        <extracomment>a coarse countdown in minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 days</source>
        <extracomment>a coarse countdown in days</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <extracomment>a coarse countdown: hours and minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UriCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/UriCredentialProvider.cpp" line="+29"/>
        <source>credentials URI (not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credentials URI %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is empty or not set and no URL was given. Inside a DataWorks individual development environment it is set for you; elsewhere pass --uri or use another source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The credentials URI is not a valid http(s) URL. Check the value of ALIBABA_CLOUD_CREDENTIALS_URI or --uri.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
