<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../../core/api/ApiClient.cpp" line="+111"/>
        <source>Nothing accepts connections at %1. Check the endpoint (region, --endpoint) and that the service or sandbox is running.</source>
        <translation>%1 上没有服务接受连接。请检查接入地址（地域、--endpoint），以及服务或沙箱是否在运行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 closed the connection before answering. Retry; if it persists, check proxies and the endpoint.</source>
        <translation>%1 在应答前关闭了连接。请重试；如果问题持续，请检查代理和接入地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host name %1 could not be resolved. Check the region, the endpoint and the network/DNS.</source>
        <translation>无法解析主机名 %1。请检查地域、接入地址以及网络/DNS。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The TLS handshake with %1 failed (certificate not trusted or intercepted). Check the system certificates and any proxy that inspects HTTPS.</source>
        <translation>与 %1 的 TLS 握手失败（证书不受信任或连接被拦截）。请检查系统证书，以及任何检查 HTTPS 流量的代理。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request to %1 failed on the network. Check the connection and the endpoint.</source>
        <translation>对 %1 的请求因网络错误失败。请检查网络连接和接入地址。</translation>
    </message>
    <message>
        <location line="+221"/>
        <source>No credential is available to sign the request. Configure an AccessKey, a profile or another credential source, or refresh the current one.</source>
        <translation>没有可用于签名请求的凭证。请配置 AccessKey、配置文件或其他凭证来源，或刷新当前凭证。</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer is larger than %1 bytes; reading stopped there.</source>
        <translation>应答超过 %1 字节；已在此处停止读取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer is larger than %1 bytes; no API answer is that large. Check that the endpoint points at the Alibaba Cloud API and not at something that streams data.</source>
        <translation>应答超过 %1 字节；没有 API 应答会这么大。请检查端点是否指向阿里云 API，而不是某个持续输出数据的服务。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 did not answer within %2 seconds. Check the network and the endpoint, or raise the time-out.</source>
        <translation>%1 在 %2 秒内没有应答。请检查网络和接入地址，或调大超时时间。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The answer is not the JSON object the API returns (%1). Check that the endpoint points at the Alibaba Cloud API.</source>
        <translation>应答不是 API 返回的 JSON 对象（%1）。请检查接入地址是否指向阿里云 API。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>The service had an internal error. Retry later; quote the RequestId if you contact support.</source>
        <translation>服务发生内部错误。请稍后重试；如需联系技术支持，请提供 RequestId。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The endpoint answered 404 Not Found: check the endpoint URL and region.</source>
        <translation>接入地址返回 404 Not Found：请检查接入地址 URL 和地域。</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>This computer&apos;s clock is %1 minutes ahead of the server&apos;s.</source>
        <translation>本机时钟比服务器快 %1 分钟。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s clock is %1 minutes behind the server&apos;s.</source>
        <translation>本机时钟比服务器慢 %1 分钟。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed requests carry the time and are rejected when it is off: synchronise the system clock (NTP).</source>
        <translation>签名请求带有时间，时间偏差过大会被拒绝：请同步系统时钟（NTP）。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../core/api/ApiError.cpp" line="+20"/>
        <source>The request signature was rejected: the AccessKey secret does not belong to this AccessKey ID, or the computer&apos;s clock is wrong. Check the secret (re-enter it) and the system time.</source>
        <translation>请求签名被拒绝：AccessKey Secret 与该 AccessKey ID 不匹配，或本机时钟不正确。请检查 Secret（重新输入）和系统时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The AccessKey ID does not exist (deleted, mistyped, or from another site such as the international vs. China site). Check the AccessKey ID or create a new AccessKey pair.</source>
        <translation>该 AccessKey ID 不存在（已删除、输入有误，或属于其他站点，例如国际站与中国站）。请检查 AccessKey ID 或创建新的 AccessKey。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The AccessKey is disabled. Enable it in the RAM console or use another AccessKey pair.</source>
        <translation>该 AccessKey 已被禁用。请在 RAM 控制台启用它，或使用其他 AccessKey。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The STS security token has expired. Refresh the credential (or assume the role again) and retry.</source>
        <translation>STS 安全令牌（SecurityToken）已过期。请刷新凭证（或重新扮演角色）后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The STS security token is damaged or incomplete (often truncated when copied). Copy the whole token again or fetch a fresh credential.</source>
        <translation>STS 安全令牌已损坏或不完整（通常是复制时被截断）。请重新完整复制令牌，或获取新的凭证。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The STS security token does not belong to this AccessKey ID. Use the key ID, secret and token from the same STS answer.</source>
        <translation>STS 安全令牌与该 AccessKey ID 不匹配。请使用同一次 STS 应答中的 AccessKey ID、Secret 和令牌。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The identity used has no permission for this action. Ask an administrator to grant the RAM permission named in the message (for a role association also ram:PassRole on that role).</source>
        <translation>所用身份没有执行此操作的权限。请管理员授予消息中所列的 RAM 权限（关联角色还需要该角色的 ram:PassRole 权限）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service is throttling requests (too many calls in a short time). Wait a moment and retry; RoleDesk already retried with back-off.</source>
        <translation>服务正在限流（短时间内调用过多）。请稍等后重试；RoleDesk 已做了退避重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RAM role does not exist. Check the role name or ARN (account ID and role name) in the RAM console.</source>
        <translation>该 RAM 角色不存在。请在 RAM 控制台检查角色名称或 ARN（账号 ID 和角色名称）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The role session name is invalid: use 2 to 64 characters of letters, digits and . @ - _</source>
        <translation>角色会话名称无效：请使用 2 到 64 个字母、数字或 . @ - _ 字符。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request time was rejected: the computer&apos;s clock differs too much from the server&apos;s. Synchronise the system clock (NTP) and retry.</source>
        <translation>请求时间被拒绝：本机时钟与服务器相差太多。请同步系统时钟（NTP）后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request nonce was already used; this happens when a request is replayed. Retry.</source>
        <translation>请求的随机数（nonce）已被使用过，这通常发生在请求被重放时。请重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment was changed by someone else since it was shown. Reload it, check the change, and apply yours again if it is still wanted.</source>
        <translation>该环境在显示之后已被他人修改。请重新加载并查看变更，如仍需要，请再次应用您的修改。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 failed: </source>
        <translation>%1 失败： </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code %1</source>
        <translation>错误码 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RequestId %1</source>
        <translation>RequestId %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server said: %1</source>
        <translation>服务端消息：%1</translation>
    </message>
</context>
<context>
    <name>ApiReply</name>
    <message>
        <location filename="../../core/api/ApiClient.cpp" line="-412"/>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>AppIcons</name>
    <message>
        <location filename="../../ui/AppIcons.cpp" line="+47"/>
        <source>RoleDesk: credentials are valid</source>
        <translation>RoleDesk：凭证有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RoleDesk: credentials need attention</source>
        <translation>RoleDesk：凭证需要关注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RoleDesk: credentials expired or unavailable</source>
        <translation>RoleDesk：凭证已过期或不可用</translation>
    </message>
</context>
<context>
    <name>ApplyCommand</name>
    <message>
        <location filename="../../app/cli/RulesCommands.cpp" line="+343"/>
        <source>Apply what a rules file requires, through the same checks as role set.</source>
        <translation>按规则文件的要求应用更改，经过与 role set 相同的检查。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply without asking.</source>
        <translation>不询问，直接应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply at most N changes, then stop (run again to continue).</source>
        <translation>最多应用 N 项更改后停止（再次运行以继续）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--limit takes a positive number.</source>
        <translation>--limit 需要一个正数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>apply changes environments: pass --yes to confirm when stdin is not a terminal.</source>
        <translation>apply 会更改环境：标准输入不是终端时，请传入 --yes 以确认。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot open the audit log %1: %2. No change was made.</source>
        <translation>无法打开审计日志 %1：%2。未做任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot find out who is acting (GetCallerIdentity)</source>
        <translation>无法确定操作者身份（GetCallerIdentity）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to apply.</source>
        <translation>没有需要应用的更改。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Apply %n change(s)? [y/N] </source>
        <translation>
            <numerusform>应用 %n 项更改？[y/N] </numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not confirmed: nothing was changed.</source>
        <translation>未确认：未做任何更改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>[%1/%2] %3 %4: %5 -&gt; %6 ...</source>
        <translation>[%1/%2] %3 %4：%5 -&gt; %6 ...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  throttled by the service; trying %1 again in %2 s</source>
        <translation>  被服务限流；%2 秒后重试 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interrupted: stopping after the environment in progress. Run apply again to continue.</source>
        <translation>已中断：处理完当前环境后停止。再次运行 apply 以继续。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Applied %1 of %2 change(s); %3 not applied; %4 cannot be fixed.</source>
        <translation>已应用 %1/%2 项更改；%3 项未应用；%4 项无法修复。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped before the end: run apply again to continue.</source>
        <translation>未完成即已停止：再次运行 apply 以继续。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/AuditDialog.cpp" line="+39"/>
        <source>Audit log of role changes</source>
        <translation>角色变更审计日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter the audit log</source>
        <translation>筛选审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by environment, actor, role, reason or outcome</source>
        <translation>按环境、操作人、角色、原因或结果筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the shown entries to CSV</source>
        <translation>将显示的条目导出为 CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audit entries</source>
        <translation>审计条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>原角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override</source>
        <translation>强制覆盖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Audit log status</source>
        <translation>审计日志状态</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No audit log is open.</source>
        <translation>没有打开审计日志。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read the audit log %1: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No role change is recorded yet (database %1). Every role or visibility change made with RoleDesk is recorded here.</source>
        <translation>尚未记录任何角色变更（数据库 %1）。使用 RoleDesk 进行的每一次角色或可见性变更都会记录在这里。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No entry matches &quot;%1&quot; (database %2).</source>
        <translation>没有与“%1”匹配的记录（数据库 %2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries shown: %1 (database %2)</source>
        <translation>显示的记录：%1 条（数据库 %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>Exported all %n entries to %1.</source>
        <translation>
            <numerusform>已将全部 %n 条记录导出到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Exported the %n entries matching the filter &quot;%1&quot; to %2 (the filter applies to the export too).</source>
        <translation>
            <numerusform>已将符合筛选条件“%1”的 %n 条记录导出到 %2（导出同样应用筛选条件）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>AuditListCommand</name>
    <message>
        <location filename="../../app/cli/AuditListCommand.cpp" line="+14"/>
        <source>Show the local audit log of role changes.</source>
        <translation>显示本地的角色变更审计日志。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Print JSON instead of text.</source>
        <translation>输出 JSON，而不是文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries at or after DATE (YYYY-MM-DD, UTC, or an ISO 8601 date-time).</source>
        <translation>仅显示 DATE 当天或之后的记录（YYYY-MM-DD，UTC，或 ISO 8601 日期时间）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries of this environment.</source>
        <translation>仅显示此环境的记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--since takes a date such as 2026-11-01 or 2026-11-01T08:00:00Z.</source>
        <translation>--since 需要一个日期，例如 2026-11-01 或 2026-11-01T08:00:00Z。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the audit log %1: %2</source>
        <translation>无法打开审计日志 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the audit log %1: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACTOR</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENVIRONMENT</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FROM</source>
        <translation>原角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TO</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OVERRIDE</source>
        <translation>强制覆盖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OUTCOME</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../core/model/AuditLog.cpp" line="+115"/>
        <source>The audit log needs the Qt SQLite driver (QSQLITE), which is not installed. Install the Qt 6 SQLite plugin (Debian: libqt6sql6-sqlite).</source>
        <translation>审计日志需要 Qt SQLite 驱动（QSQLITE），但它没有安装。请安装 Qt 6 SQLite 插件（Debian：libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the folder %1 for the audit log.</source>
        <translation>无法为审计日志创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open the audit log %1: %2.</source>
        <translation>无法打开审计日志 %1：%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot switch the audit log %1 to write-ahead logging: %2. Check that the folder is writable and on a local disk.</source>
        <translation>无法将审计日志 %1 切换为预写日志（WAL）模式：%2。请检查该文件夹是否可写并位于本地磁盘上。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot configure the audit log %1: %2.</source>
        <translation>无法配置审计日志 %1：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot prepare the audit log %1: %2. If the file is damaged, move it away; RoleDesk will start a new one.</source>
        <translation>无法准备审计日志 %1：%2。如果文件已损坏，请将其移走；RoleDesk 会新建一个。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot write to the audit log %1: %2. The role change itself is not affected; check the disk space and permissions.</source>
        <translation>无法写入审计日志 %1：%2。角色变更本身不受影响；请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The audit log %1 is not open.</source>
        <translation>审计日志 %1 未打开。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot read the audit log %1: %2.</source>
        <translation>无法读取审计日志 %1：%2。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Cannot write %1: %2. Choose another file.</source>
        <translation>无法写入 %1：%2。请选择其他文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save %1: %2.</source>
        <translation>无法保存 %1：%2。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>applied</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs confirmation</source>
        <translation>需要确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already stopped</source>
        <translation>已处于停止状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled (request sent)</source>
        <translation>已取消（请求已发送）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stop: %1</source>
        <translation>停止：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>applied, read back differs: %1</source>
        <translation>已修改，但读回的配置不同：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>BulkRoleDialog</name>
    <message>
        <location filename="../../ui/BulkRoleDialog.cpp" line="+40"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by policy</source>
        <translation>被策略拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API error</source>
        <translation>API 错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot fix</source>
        <translation>无法修复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Change the role of %n environment(s)</source>
        <translation>
            <numerusform>修改 %n 个环境的角色</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New RAM role for every selected environment</source>
        <translation>为所有选中环境设置的新 RAM 角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>DataWorks default role</source>
        <translation>DataWorks 默认角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom RAM role:</source>
        <translation>自定义 RAM 角色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom RAM role</source>
        <translation>自定义 RAM 角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Do Not Associate Role</source>
        <translation>不关联角色</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unless you confirm below, public environments keep their setting and are reported as refused.</source>
        <translation>除非您在下方确认，公开环境将保持原设置，并报告为被拒绝。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Also give the role to public environments</source>
        <translation>同时为公开环境关联该角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include public environments</source>
        <translation>包括公开环境</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for the override</source>
        <translation>强制覆盖的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (audit log):</source>
        <translation>原因（记入审计日志）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removing their role follows that guidance: they are changed like the others.</source>
        <translation>移除它们的角色符合该建议：它们会和其他环境一样被修改。</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Bulk change progress</source>
        <translation>批量修改进度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bulk change summary</source>
        <translation>批量修改汇总</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results per environment</source>
        <translation>各环境的结果</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+72"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Public environments in the selection (recorded by admins): %1. </source>
        <translation>选中环境中的公开环境（由管理员记录）：%1 个。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+72"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+72"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+72"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Fix deviations from %1</source>
        <translation>修复与 %1 的偏差</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What Fix deviations does</source>
        <translation>“修复偏差”会做什么</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The rules file %1 asks for another role for %n environment(s).</source>
        <translation>
            <numerusform>规则文件 %1 要求 %n 个环境使用另一个角色。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 can be changed; %2 cannot (listed with the reason).</source>
        <translation>%1 个可以更改；%2 个无法更改（已列出原因）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each change is made like a single one: the environment is read again and the rules are evaluated on that fresh copy (a change since the listing is a conflict and is not overwritten), a public environment gets a role only from a rule that names it and gives a reason, and the audit log records the rule as the reason.</source>
        <translation>每项更改都与单个更改相同：重新读取环境，并基于最新读取的内容重新评估规则（列出之后发生的更改视为冲突，不会被覆盖）；公开环境只有在规则点名该环境并给出理由时才会获得角色；审计日志以规则作为原因记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rule %1 (%2)</source>
        <translation>规则 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>public override: %1</source>
        <translation>公开环境例外：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>&amp;Apply %n change(s)</source>
        <translation>
            <numerusform>应用 %n 项更改(&amp;A)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Ready: %n change(s) to apply.</source>
        <translation>
            <numerusform>就绪：%n 项更改待应用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing the rules file can change.</source>
        <translation>规则文件没有可以更改的内容。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the bulk change</source>
        <translation>开始批量修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the bulk change</source>
        <translation>取消批量修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Checking the role&apos;s trust policy (RAM GetRole)...</source>
        <translation>正在检查角色的信任策略（RAM GetRole）...</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The service throttled the change of %1; trying again in %2 s...</source>
        <translation>服务对 %1 的更改进行了限流；%2 秒后重试...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>public override</source>
        <translation>公开环境例外</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>(throttled %n time(s), tried again)</source>
        <translation>
            <numerusform>（被限流 %n 次，已重试）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelling after the current environment...</source>
        <translation>当前环境处理完成后取消...</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+19"/>
        <source>not attempted</source>
        <translation>未尝试</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+67"/>
        <source>Changing %1 (%2 of %3)...</source>
        <translation>正在修改 %1（第 %2 个，共 %3 个）...</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>changed by someone else since it was loaded (role now &quot;%1&quot;); not overwritten</source>
        <translation>加载后已被他人修改（当前角色为“%1”）；未覆盖</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Done: %1 changed, %2 unchanged, %3 refused by policy, %4 conflicts, %5 API errors, %6 cancelled.</source>
        <translation>完成：已修改 %1 个，未变化 %2 个，被策略拒绝 %3 个，冲突 %4 个，API 错误 %5 个，已取消 %6 个。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n cannot be fixed by the rules file.</source>
        <translation>
            <numerusform>%n 个无法由规则文件修复。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Credentials already issued to %n changed environment(s) are not revoked: they stay valid until they expire, at the latest %1 (UTC). To end them sooner, stop those environments (Change role on one environment offers it, or roledesk-cli role set --stop).</source>
        <translation>
            <numerusform>已签发给 %n 个已更改环境的凭证不会被吊销：它们在过期前一直有效，最迟到 %1（UTC）。如需提前终止，请停止这些环境（对单个环境“更改角色”时会提供此选项，或使用 roledesk-cli role set --stop）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaBundle</name>
    <message>
        <location filename="../../core/util/CaBundle.cpp" line="+87"/>
        <source>Cannot read the CA bundle %1 (%2).</source>
        <translation>无法读取 CA 证书包 %1（%2）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The CA bundle %1 holds no certificate: it must be PEM (&quot;-----BEGIN CERTIFICATE-----&quot; blocks) or one DER certificate.</source>
        <translation>CA 证书包 %1 中没有证书：它必须是 PEM 格式（“-----BEGIN CERTIFICATE-----”块）或单个 DER 证书。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The server&apos;s TLS certificate was refused: %1.</source>
        <translation>服务器的 TLS 证书被拒绝：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate for &quot;%1&quot;, issued by &quot;%2&quot;.</source>
        <translation>证书签发给“%1”，签发者为“%2”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Its issuer is not trusted on this machine. Behind a TLS-inspecting proxy, give your organisation&apos;s CA bundle (PEM): --ca-bundle PATH, SSL_CERT_FILE, or Settings &gt; Connection &gt; CA bundle.</source>
        <translation>本机不信任它的签发者。如果位于会检查 TLS 流量的代理之后，请提供贵组织的 CA 证书包（PEM）：--ca-bundle PATH、SSL_CERT_FILE，或“设置 &gt; 连接 &gt; CA 证书包”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check this machine&apos;s clock.</source>
        <translation>请检查本机的时钟。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate is for another host: check the endpoint.</source>
        <translation>该证书属于另一台主机：请检查端点。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(CA bundle in use: %1.)</source>
        <translation>（正在使用的 CA 证书包：%1。）</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <location filename="../../app/cli/CliApp.cpp" line="+22"/>
        <source>Usage: roledesk-cli &lt;command&gt; [options]</source>
        <translation>用法：roledesk-cli &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Options: --help, --version. `roledesk-cli &lt;command&gt; --help` shows a command&apos;s options.
Exit codes: 0 ok, 1 failure, 2 usage error, 3 credentials unusable, 4 refused by policy, 5 changes pending (only `plan --exit-code`).</source>
        <translation>选项：--help、--version。`roledesk-cli &lt;command&gt; --help` 显示命令的选项。
退出码：0 成功，1 失败，2 用法错误，3 凭证不可用，4 被策略拒绝，5 有待应用的更改（仅 `plan --exit-code`）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Global options (before or after the command, where it takes them): --endpoint URL, --region ID,
--profile NAME, --json, --sandbox (an in-process sandbox for one command), --ca-bundle PATH (extra CAs for HTTPS; default $SSL_CERT_FILE).
The contract: docs/CLI.md.</source>
        <translation>全局选项（放在命令之前或之后，凡命令接受时）：--endpoint URL、--region ID、
--profile NAME、--json、--sandbox（为单条命令启动进程内沙箱）、--ca-bundle PATH（HTTPS 的额外 CA；默认 $SSL_CERT_FILE）。
约定见 docs/CLI.md。</translation>
    </message>
    <message>
        <location line="+80"/>
        <location line="+5"/>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <location filename="../../app/cli/CliCommand.cpp" line="+22"/>
        <source>Usage: roledesk-cli %1 [options]</source>
        <translation>用法：roledesk-cli %1 [选项]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
</context>
<context>
    <name>CliProfileProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="+155"/>
        <source>aliyun CLI profile (current) in %1</source>
        <translation>%1 中的 aliyun CLI 配置（当前）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aliyun CLI profile %1 in %2</source>
        <translation>%2 中的 aliyun CLI 配置 %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>long-term AccessKey %1</source>
        <translation>长期 AccessKey %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fixed STS credential %1</source>
        <translation>固定的 STS 凭证 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disabled by ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS</source>
        <translation>已被 ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS 禁用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>runs %1 for each credential</source>
        <translation>每次取凭证时运行 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>asks a credentials URI</source>
        <translation>向凭证 URI 获取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>asks the ECS metadata service (works on ECS only)</source>
        <translation>向 ECS 元数据服务获取（仅在 ECS 上可用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>assumes %1 with STS AssumeRole</source>
        <translation>通过 STS AssumeRole 扮演 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported by this front end</source>
        <translation>此前端不支持</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>assumes %1 with STS AssumeRoleWithOIDC</source>
        <translation>通过 STS AssumeRoleWithOIDC 扮演 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OIDC token file %1 is missing</source>
        <translation>缺少 OIDC 令牌文件 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CloudSSO sign-in valid until %1 UTC; RoleDesk renews the STS credential through it</source>
        <translation>CloudSSO 登录有效期至 %1 UTC；RoleDesk 通过它续期 STS 凭证</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>OAuth sign-in valid until %1 UTC; RoleDesk renews the STS credential through it</source>
        <translation>OAuth 登录有效期至 %1 UTC；RoleDesk 通过它续期 STS 凭证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth sign-in (site %1); RoleDesk renews the STS credential and the sign-in</source>
        <translation>OAuth 登录（站点 %1）；RoleDesk 会续期 STS 凭证和登录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cached STS credential %1 valid until %2 UTC</source>
        <translation>缓存的 STS 凭证 %1 有效期至 %2 UTC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sign-in needed: run `%1`</source>
        <translation>需要登录：请运行 `%1`</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mode not supported by RoleDesk</source>
        <translation>RoleDesk 不支持此模式</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no profile named &quot;%1&quot; in %2. Pick one of its profiles (--profile or ALIBABA_CLOUD_PROFILE) or create it with `aliyun configure --profile %1`.</source>
        <translation>%2 中没有名为“%1”的配置。请选择其中已有的配置（--profile 或 ALIBABA_CLOUD_PROFILE），或使用 `aliyun configure --profile %1` 创建。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>aliyun CLI profile %1 (%2) in %3</source>
        <translation>%3 中的 aliyun CLI 配置 %1（%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The profile lacks access_key_id, access_key_secret%1. Complete it with `aliyun configure --profile %2`.</source>
        <translation>该配置缺少 access_key_id、access_key_secret%1。请使用 `aliyun configure --profile %2` 补全。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or sts_token</source>
        <translation> 或 sts_token</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The CredentialsURI profile %1 has no credentials_uri.</source>
        <translation>CredentialsURI 配置 %1 没有 credentials_uri。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The chain of source_profile entries is too long or circular.</source>
        <translation>source_profile 引用链过长或存在循环。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The External profile %1 has an unusable process_command: %2</source>
        <translation>External 配置 %1 的 process_command 不可用：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Profile mode &quot;%1&quot; is not supported by RoleDesk. Use AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI, External, OIDC, CloudSSO or OAuth.</source>
        <translation>RoleDesk 不支持配置模式“%1”。请使用 AK、StsToken、RamRoleArn、ChainableRamRoleArn、EcsRamRole、CredentialsURI、External、OIDC、CloudSSO 或 OAuth。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1 to save the renewed sign-in (%2).</source>
        <translation>无法打开 %1 以保存续期后的登录（%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot lock %1.</source>
        <translation>无法锁定 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is no longer a valid aliyun CLI configuration (%2).</source>
        <translation>%1 已不再是有效的 aliyun CLI 配置（%2）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The profile %1 is no longer in %2.</source>
        <translation>配置 %1 已不在 %2 中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1 (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>CliSession</name>
    <message>
        <location filename="../../app/cli/CliSession.cpp" line="+60"/>
        <source>--endpoint needs a URL such as https://dataworks.example.com or http://127.0.0.1:8090.</source>
        <translation>--endpoint 需要一个 URL，例如 https://dataworks.example.com 或 http://127.0.0.1:8090。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--sandbox and --endpoint exclude each other: the sandbox brings its own endpoint.</source>
        <translation>--sandbox 与 --endpoint 不能同时使用：沙箱自带接入地址。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot start the sandbox: %1</source>
        <translation>无法启动沙箱：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot prepare the sandbox&apos;s visibility records: %1</source>
        <translation>无法准备沙箱的可见性记录：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the sandbox&apos;s admin key</source>
        <translation>沙箱的管理员密钥</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Credentials unusable: %1</source>
        <translation>凭证不可用：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check `roledesk-cli creds doctor`, or choose a source with --source/--profile.</source>
        <translation>请检查 `roledesk-cli creds doctor`，或使用 --source/--profile 选择凭证来源。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credentials unusable: the credential from %1 has expired.</source>
        <translation>凭证不可用：来自 %1 的凭证已过期。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cannot read RoleDesk&apos;s visibility records %1: %2</source>
        <translation>无法读取 RoleDesk 的可见性记录 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix or remove the file, or import the records again with `roledesk-cli visibility import`.</source>
        <translation>请修复或删除该文件，或使用 `roledesk-cli visibility import` 重新导入记录。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The service did not accept the credential: check it with `roledesk-cli creds validate`.</source>
        <translation>服务不接受该凭证：请用 `roledesk-cli creds validate` 检查。</translation>
    </message>
</context>
<context>
    <name>CloudSsoProvider</name>
    <message>
        <location filename="../../core/credentials/CloudSsoProvider.cpp" line="+38"/>
        <source>The CloudSSO sign-in of profile %1 has expired (its cached STS credential too). Sign in again with `%2`, then try again.</source>
        <translation>配置 %1 的 CloudSSO 登录已过期（其缓存的 STS 凭证也已过期）。请用 `%2` 重新登录后再试。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CloudSSO profile %1 has no usable cloud_sso_sign_in_url (an https URL). Configure it again with `%2`.</source>
        <translation>CloudSSO 配置 %1 没有可用的 cloud_sso_sign_in_url（https URL）。请用 `%2` 重新配置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The CloudSSO profile %1 lacks cloud_sso_account_id or cloud_sso_access_config. Configure it again with `%2`.</source>
        <translation>CloudSSO 配置 %1 缺少 cloud_sso_account_id 或 cloud_sso_access_config。请用 `%2` 重新配置。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The CloudSSO portal %1 did not answer: %2</source>
        <translation>CloudSSO 门户 %1 没有应答：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The CloudSSO portal refused to issue a credential (%1). If the sign-in is no longer valid, sign in again with `%2`.</source>
        <translation>CloudSSO 门户拒绝签发凭证（%1）。如果登录已失效，请用 `%2` 重新登录。</translation>
    </message>
</context>
<context>
    <name>CredentialConfigMapping</name>
    <message>
        <location filename="../../core/model/CredentialConfigMapping.cpp" line="+128"/>
        <source>a role configuration with %1 roles instead of one</source>
        <translation>包含 %1 个角色（而不是一个）的角色配置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a role configuration without a role ARN</source>
        <translation>没有角色 ARN 的角色配置</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>AliyunEnvRoleKey &quot;%1&quot; names none of the %2 configurations</source>
        <translation>AliyunEnvRoleKey“%1”与 %2 个配置均不匹配</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 role configurations and no AliyunEnvRoleKey selecting one</source>
        <translation>有 %1 个角色配置，但没有 AliyunEnvRoleKey 选定其中之一</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the role %1 with role type &quot;%2&quot; (the API knows &quot;service&quot; and &quot;user&quot;)</source>
        <translation>角色 %1 的角色类型为“%2”（API 只定义了“service”和“user”）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a configuration without a type</source>
        <translation>没有类型的配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a configuration of type &quot;%1&quot;</source>
        <translation>类型为“%1”的配置</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a credential configuration that is not a JSON object</source>
        <translation>不是 JSON 对象的凭证配置</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>An unrecognised role configuration cannot be written: choose the DataWorks default role, a custom role or no role.</source>
        <translation>无法写入无法识别的角色配置：请选择 DataWorks 默认角色、自定义角色或不关联角色。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the member &quot;%1&quot; of the configuration</source>
        <translation>配置中的成员“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the session policy that restricted %1</source>
        <translation>限制 %1 的会话策略</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session policy that restricts %1 would be lost: the new choice has no place for it. Drop it explicitly (--drop-policy, or the option in the dialog) or keep the custom role.</source>
        <translation>限制 %1 的会话策略将会丢失：新的选择无法保留它。请明确丢弃它（--drop-policy，或对话框中的选项），或保留该自定义角色。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the role configuration: %1</source>
        <translation>角色配置：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n disabled role configuration(s)</source>
        <translation>
            <numerusform>%n 个已停用的角色配置</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The configuration with key &quot;%1&quot; is changed.</source>
        <translation>将修改键为“%1”的配置。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The default role chain (%1) is the one the service wrote for %2; per-environment members (AssumeRoleFor, UserInfo) are left to the service.</source>
        <translation>默认角色链（%1）沿用服务为 %2 写入的角色链；每个环境各自的成员（AssumeRoleFor、UserInfo）交由服务填写。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The default role is written in its minimal form (a role chain without named roles): no chain written by the service for this account was seen to copy.</source>
        <translation>默认角色以最简形式写入（不指定角色的角色链）：未见到服务为此账号写入的角色链可供沿用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>the configuration &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>the session policy that restricted %1 (it now restricts %2)</source>
        <translation>原先限制 %1 的会话策略（现在限制 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AssumeRoleFor %1</source>
        <translation>AssumeRoleFor %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role type &quot;%1&quot;</source>
        <translation>角色类型“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the role member &quot;%1&quot;</source>
        <translation>角色成员“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the member &quot;%1&quot; of configuration &quot;%2&quot;</source>
        <translation>配置“%2”中的成员“%1”</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n other role configuration(s), unchanged</source>
        <translation>
            <numerusform>其他 %n 个角色配置，保持不变</numerusform>
        </translation>
    </message>
    <message>
        <location line="-304"/>
        <location line="+10"/>
        <source>enabled, but with no role configured</source>
        <translation>已启用，但未配置角色</translation>
    </message>
</context>
<context>
    <name>CredentialDoctor</name>
    <message>
        <location filename="../../core/credentials/CredentialDoctor.cpp" line="+53"/>
        <source>The credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI) and the credentials file (/mnt/.alibabacloud/credentials) exist only inside a DataWorks individual development environment: DataWorks injects them there and refreshes the STS credentials of the environment&apos;s RAM role. On any other machine they are absent, so nothing that relies on them can work. Outside DataWorks use one of: an AccessKey in ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET or in an aliyun CLI profile (`aliyun configure`); a RamRoleArn profile that assumes the same RAM role; or `roledesk-cli serve` / `roledesk-cli exec` to hand credentials to a program locally.</source>
        <translation>凭证服务地址（ALIBABA_CLOUD_CREDENTIALS_URI）和凭证文件（/mnt/.alibabacloud/credentials）只存在于 DataWorks 个人开发环境中：DataWorks 将它们注入环境，并刷新该环境 RAM 角色的 STS 临时凭证。在其他机器上它们都不存在，依赖它们的程序无法工作。在 DataWorks 之外，请使用以下方式之一：在 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET 或 aliyun CLI 配置（`aliyun configure`）中设置 AccessKey；使用扮演同一 RAM 角色的 RamRoleArn 配置；或使用 `roledesk-cli serve` / `roledesk-cli exec` 在本地向程序提供凭证。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+14"/>
        <location line="+6"/>
        <source>Credentials URI</source>
        <translation>凭证服务地址</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>ALIBABA_CLOUD_CREDENTIALS_URI is not set (it is set only inside a DataWorks individual development environment).</source>
        <translation>未设置 ALIBABA_CLOUD_CREDENTIALS_URI（只有在 DataWorks 个人开发环境中才会设置）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 answers with a valid credential (key %2, expires %3 UTC).</source>
        <translation>%1 返回了有效凭证（密钥 %2，过期时间 %3 UTC）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ALIBABA_CLOUD_CREDENTIALS_URI is set but gives no credential: %1</source>
        <translation>已设置 ALIBABA_CLOUD_CREDENTIALS_URI，但没有得到凭证：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+5"/>
        <location line="+4"/>
        <source>Environment AccessKey</source>
        <translation>环境变量中的 AccessKey</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID (%1), _SECRET and _SECURITY_TOKEN are set.</source>
        <translation>已设置 ALIBABA_CLOUD_ACCESS_KEY_ID（%1）、_SECRET 和 _SECURITY_TOKEN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID (%1) and _SECRET are set.</source>
        <translation>已设置 ALIBABA_CLOUD_ACCESS_KEY_ID（%1）和 _SECRET。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only one of ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET is set; set both or neither.</source>
        <translation>ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET 只设置了其中一个；请两个都设置或都不设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set.</source>
        <translation>未设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+8"/>
        <source>OIDC role</source>
        <translation>OIDC 角色</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>All OIDC variables are set: step 2 of the default chain assumes %1 with STS AssumeRoleWithOIDC at %2 (not called by doctor).</source>
        <translation>所有 OIDC 变量都已设置：默认凭证链的第 2 步将在 %2 通过 STS AssumeRoleWithOIDC 扮演 %1（诊断时不调用）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All OIDC variables are set, but the token file %1 cannot be read.</source>
        <translation>所有 OIDC 变量都已设置，但无法读取令牌文件 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only some of ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE are set; the default chain skips OIDC until all three are.</source>
        <translation>ALIBABA_CLOUD_ROLE_ARN、ALIBABA_CLOUD_OIDC_PROVIDER_ARN 和 ALIBABA_CLOUD_OIDC_TOKEN_FILE 只设置了一部分；在三者都设置之前，默认凭证链会跳过 OIDC。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>External processes</source>
        <translation>外部进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true: External and CredentialsURI profiles are refused.</source>
        <translation>ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true：拒绝 External 和 CredentialsURI 配置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile choice</source>
        <translation>配置选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALIBABA_CLOUD_PROFILE=%1 picks the CLI and INI profile.</source>
        <translation>ALIBABA_CLOUD_PROFILE=%1 指定了 CLI 和 INI 配置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+16"/>
        <source>aliyun CLI profiles</source>
        <translation>aliyun CLI 配置</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true.</source>
        <translation>已跳过：ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> [current]</source>
        <translation> [当前]</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source> [not supported yet]</source>
        <translation> [暂不支持]</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>no profiles</source>
        <translation>没有配置</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>INI profiles</source>
        <translation>INI 配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no sections</source>
        <translation>没有配置节</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>ECS RAM role</source>
        <translation>ECS RAM 角色</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Disabled: ALIBABA_CLOUD_ECS_METADATA_DISABLED=true.</source>
        <translation>已禁用：ALIBABA_CLOUD_ECS_METADATA_DISABLED=true。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not probed (off ECS the probe only waits for time-outs). The default chain asks the metadata service; set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true off ECS to save that second.</source>
        <translation>未探测（不在 ECS 上时探测只会等待超时）。默认凭证链会访问元数据服务；不在 ECS 上时可设置 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true 以节省这一秒。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <location line="+12"/>
        <location line="+5"/>
        <source>Credentials file</source>
        <translation>凭证文件</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>%1 does not exist (it exists only inside a DataWorks individual development environment).</source>
        <translation>%1 不存在（它只存在于 DataWorks 个人开发环境中）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 exists but cannot be read by this user; check its permissions.</source>
        <translation>%1 存在，但当前用户无法读取；请检查其权限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 holds a valid credential (key %2, expires %3 UTC).</source>
        <translation>%1 中有有效凭证（密钥 %2，过期时间 %3 UTC）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This looks like a DataWorks individual development environment: the credentials URI or file hands out the STS credentials of the environment&apos;s RAM role. `roledesk-cli creds show --source uri` (or --source file) shows them.</source>
        <translation>这看起来是一个 DataWorks 个人开发环境：凭证服务地址或凭证文件提供该环境 RAM 角色的 STS 临时凭证。可用 `roledesk-cli creds show --source uri`（或 --source file）查看。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credentials are available from the sources marked ok above. </source>
        <translation>可以从上面标记为 ok 的来源获取凭证。 </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No usable credentials were found on this machine. </source>
        <translation>在本机上没有找到可用的凭证。 </translation>
    </message>
</context>
<context>
    <name>CredentialError</name>
    <message>
        <location filename="../../core/credentials/CredentialError.cpp" line="+12"/>
        <source>(HTTP status %1)</source>
        <translation>（HTTP 状态码 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer: %1</source>
        <translation>应答：%1</translation>
    </message>
</context>
<context>
    <name>CredentialHttp</name>
    <message>
        <location filename="../../core/credentials/CredentialHttp.cpp" line="+73"/>
        <source>No connection within %1 ms (connect time-out). Check that the address is reachable from this machine.</source>
        <translation>%1 毫秒内未能建立连接（连接超时）。请检查本机能否访问该地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer within %1 ms after the request was sent (read time-out). The service is hanging; try again, or restart it.</source>
        <translation>请求发出后 %1 毫秒内没有应答（读取超时）。服务无响应；请重试或重启该服务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer did not complete within %1 ms (overall deadline), although the service may still be sending. The service is too slow or misbehaving; try again, or restart it.</source>
        <translation>应答未在 %1 毫秒（总期限）内完成，尽管服务可能仍在发送。服务过慢或行为异常；请重试，或重启该服务。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The answer is larger than %1 bytes and was cut off; a credentials answer is under 8 KiB. Check that the address really serves credentials.</source>
        <translation>应答超过 %1 字节，已被截断；凭证应答通常小于 8 KiB。请检查该地址是否确实提供凭证。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Network error: %1. Check that the service runs and the address is right.</source>
        <translation>网络错误：%1。请检查服务是否在运行、地址是否正确。</translation>
    </message>
</context>
<context>
    <name>CredentialInspector</name>
    <message>
        <location filename="../../ui/CredentialInspector.cpp" line="+83"/>
        <source>usable; refreshed automatically before it expires</source>
        <translation>可用；会在过期前自动刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>still usable, inside the refresh window; a new one is being fetched</source>
        <translation>仍可用，已进入刷新窗口；正在获取新凭证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fetching a new credential</source>
        <translation>正在获取新凭证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired: not usable until a refresh succeeds</source>
        <translation>已过期：在刷新成功之前不可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no usable credential; retrying with backoff</source>
        <translation>没有可用凭证；正在以退避方式重试</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Credential inspector</source>
        <translation>凭证检查器</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>How to fetch the credential</source>
        <translation>获取凭证的方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment&apos;s credentials service</source>
        <translation>环境的凭证服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials URI</source>
        <translation>凭证服务地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials file</source>
        <translation>凭证文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+288"/>
        <source>Default credential chain</source>
        <translation>默认凭证链</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>The three methods of a DataWorks individual development environment: the ALIBABA_CLOUD_CREDENTIALS_URI service, the file /mnt/.alibabacloud/credentials, or the default credential chain.</source>
        <translation>DataWorks 个人开发环境的三种方式：ALIBABA_CLOUD_CREDENTIALS_URI 凭证服务、/mnt/.alibabacloud/credentials 文件，或默认凭证链。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>URI or file path</source>
        <translation>URI 或文件路径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch and inspect</source>
        <translation>获取并检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input problem</source>
        <translation>输入问题</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>http://... (empty: ALIBABA_CLOUD_CREDENTIALS_URI)</source>
        <translation>http://...（留空：使用 ALIBABA_CLOUD_CREDENTIALS_URI）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing inspected yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is inspected</source>
        <translation>检查的对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Credential notification</source>
        <translation>凭证通知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credential notification text</source>
        <translation>凭证通知内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notification</source>
        <translation>忽略此通知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credential</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credential state</source>
        <translation>凭证状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credential source</source>
        <translation>凭证来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey ID, masked</source>
        <translation>AccessKey ID（已掩码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey ID:</source>
        <translation>AccessKey ID：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>AccessKey secret, hidden</source>
        <translation>AccessKey Secret（已隐藏）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Copy the AccessKey secret</source>
        <translation>复制 AccessKey Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The clipboard is cleared after 30 seconds if it still holds the secret.</source>
        <translation>如果剪贴板中仍是该密钥，30 秒后会被清空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKey secret:</source>
        <translation>AccessKey Secret：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security token, hidden</source>
        <translation>安全令牌（已隐藏）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the security token</source>
        <translation>复制安全令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security token:</source>
        <translation>安全令牌：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+500"/>
        <source>Reveal for 10 s</source>
        <translation>显示 10 秒</translation>
    </message>
    <message>
        <location line="-499"/>
        <source>Reveal the secret and token for ten seconds</source>
        <translation>显示 Secret 和令牌 10 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clipboard countdown</source>
        <translation>剪贴板倒计时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expiration</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remaining lifetime</source>
        <translation>剩余有效期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last refresh</source>
        <translation>上次刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last refresh:</source>
        <translation>上次刷新：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next refresh</source>
        <translation>下次刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next refresh:</source>
        <translation>下次刷新：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error:</source>
        <translation>最近错误：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch a new credential now</source>
        <translation>立即获取新凭证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live checks with this credential</source>
        <translation>使用此凭证进行实时检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate with STS GetCallerIdentity</source>
        <translation>通过 STS GetCallerIdentity 验证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls STS GetCallerIdentity with this credential.</source>
        <translation>使用此凭证调用 STS GetCallerIdentity。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation result</source>
        <translation>验证结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>MaxCompute project</source>
        <translation>MaxCompute 项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test MaxCompute access</source>
        <translation>测试 MaxCompute 访问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the project&apos;s tables</source>
        <translation>列出项目中的表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MaxCompute result</source>
        <translation>MaxCompute 结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MaxCompute tables</source>
        <translation>MaxCompute 表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the inspector</source>
        <translation>关闭检查器</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Credentials of %1</source>
        <translation>%1 的凭证</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>credentials service of %1</source>
        <translation>%1 的凭证服务</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2): the environment&apos;s credentials service</source>
        <translation>%1（%2）：环境的凭证服务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>credentials URI of environment %1 (ALIBABA_CLOUD_CREDENTIALS_URI)</source>
        <translation>环境 %1 的凭证服务地址（ALIBABA_CLOUD_CREDENTIALS_URI）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2): its credentials service answers only inside the environment. Enter a credentials URI or file reachable from here, or use the default chain.</source>
        <translation>%1（%2）：其凭证服务只在环境内部应答。请输入从这里可以访问的凭证服务地址或文件，或使用默认凭证链。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not a credentials URI. Enter an http:// or https:// address, such as http://127.0.0.1:8080/credentials, or leave it empty to use ALIBABA_CLOUD_CREDENTIALS_URI.</source>
        <translation>“%1”不是凭证 URI。请输入 http:// 或 https:// 地址，例如 http://127.0.0.1:8080/credentials，或留空以使用 ALIBABA_CLOUD_CREDENTIALS_URI。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Start the environment in DataWorks: its credentials service answers only while it runs. Then press Refresh.</source>
        <translation>请在 DataWorks 中启动该环境：它的凭据服务只在环境运行时应答。然后按“刷新”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Associate a RAM role with the environment (Change role in the main window), or use an AccessKey pair in its code. Then press Refresh.</source>
        <translation>请为该环境关联一个 RAM 角色（在主窗口中使用“更改角色”），或在其代码中使用 AccessKey。然后按“刷新”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access was refused: check that this address belongs to this environment and that DataWorks may assume the role (its trust policy). Then press Refresh.</source>
        <translation>访问被拒绝：请确认此地址属于该环境，且 DataWorks 可以扮演该角色（其信任策略）。然后按“刷新”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the address: nothing here hands out credentials. Then press Refresh.</source>
        <translation>请检查地址：此处没有提供凭据的服务。然后按“刷新”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the cause, then press Refresh.</source>
        <translation>请排除原因，然后按“刷新”。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No credential: not retrying</source>
        <translation>没有凭据：不再重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credential refresh failed</source>
        <translation>凭证刷新失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 Next try %2.</source>
        <translation>%1 下次尝试：%2。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No credential could be fetched.

Checking where credentials can come from on this machine...</source>
        <translation>未能获取任何凭据。

正在检查本机上凭据可能的来源……</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No credential could be fetched. Where credentials can come from on this machine:</source>
        <translation>未能获取任何凭据。本机上凭据可能的来源：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;i&gt;nothing inspected&lt;/i&gt;</source>
        <translation>&lt;i&gt;尚未检查&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;i&gt;fetching...&lt;/i&gt;</source>
        <translation>&lt;i&gt;正在获取...&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no usable credential; not retried until you press Refresh</source>
        <translation>没有可用的凭据；在您按“刷新”之前不会重试</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Hidden again in %n s</source>
        <translation>
            <numerusform>%n 秒后重新隐藏</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Copied. The clipboard is cleared in %n s.</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后清空。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+9"/>
        <source>Credential expires soon</source>
        <translation>凭证即将过期</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>%1 expires in %2 (at %3).</source>
        <translation>%1 将在 %2 后过期（%3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credential expired</source>
        <translation>凭证已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 expired at %2; it is not usable until a refresh succeeds.</source>
        <translation>%1 已于 %2 过期；在刷新成功之前不可用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never (a long-term AccessKey pair)</source>
        <translation>永不过期（长期 AccessKey）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>now (fetching)</source>
        <translation>现在（正在获取）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not planned</source>
        <translation>未计划</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not retried; details on hover)</source>
        <translation>（不再重试；悬停查看详情）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(details on hover)</source>
        <translation>（悬停查看详情）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Asking STS who this credential is (GetCallerIdentity)...</source>
        <translation>正在向 STS 查询此凭证的身份（GetCallerIdentity）...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not check: %1</source>
        <translation>无法检查：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Valid. Identity: %1 (%2, account %3).</source>
        <translation>有效。身份：%1（%2，账号 %3）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Enter a MaxCompute project name.</source>
        <translation>请输入 MaxCompute 项目名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listing the tables of %1...</source>
        <translation>正在列出 %1 中的表...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Allowed: %n table(s) in %1.</source>
        <translation>
            <numerusform>允许：%1 中有 %n 张表。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (owner %2)</source>
        <translation>%1（所有者 %2）</translation>
    </message>
</context>
<context>
    <name>CredentialParser</name>
    <message>
        <location filename="../../core/credentials/CredentialParser.cpp" line="+51"/>
        <source>The answer is not valid JSON (%1 at offset %2). Check that the address really serves credentials.</source>
        <translation>应答不是有效的 JSON（%1，位于偏移量 %2）。请检查该地址是否确实提供凭证。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The answer is JSON but not an object. Check that the address really serves credentials.</source>
        <translation>应答是 JSON，但不是对象。请检查该地址是否确实提供凭证。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The answer&apos;s Code is &quot;%1&quot;, not &quot;Success&quot;: the service refused to hand out credentials. Read its message below and check the environment&apos;s RAM role.</source>
        <translation>应答的 Code 为“%1”，而不是“Success”：服务拒绝提供凭证。请阅读下面的消息，并检查环境的 RAM 角色。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The answer lacks %1 (missing or empty). A credentials answer needs AccessKeyId, AccessKeySecret, SecurityToken and Expiration; check what serves it.</source>
        <translation>应答缺少 %1（缺失或为空）。凭证应答需要 AccessKeyId、AccessKeySecret、SecurityToken 和 Expiration；请检查提供应答的服务。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The Expiration &quot;%1&quot; is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ (optionally with .mmm milliseconds); other forms are refused so that the expiry is never misread.</source>
        <translation>Expiration“%1”不是 YYYY-MM-DDTHH:MM:SSZ 格式的 UTC 时间（可带 .mmm 毫秒）；为避免误读过期时间，其他格式一律拒绝。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The credential arrived already expired (Expiration %1, now %2). Check the machine&apos;s clock and whether the service renews its credentials.</source>
        <translation>收到的凭证已经过期（Expiration %1，现在 %2）。请检查本机时钟，以及服务是否会续期凭证。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The service refused access: check that this machine may read the credentials (inside a DataWorks individual development environment, that a RAM role is attached).</source>
        <translation>服务拒绝访问：请检查本机是否有权读取凭证（在 DataWorks 个人开发环境中，需要关联 RAM 角色）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service failed: try again in a moment; if it persists, restart the environment.</source>
        <translation>服务出错：请稍后重试；如果问题持续，请重启环境。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the address: only HTTP 200 carries credentials.</source>
        <translation>请检查地址：只有 HTTP 200 应答才包含凭证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected HTTP status %1. %2</source>
        <translation>意外的 HTTP 状态码 %1。%2</translation>
    </message>
</context>
<context>
    <name>CredentialProviderFactory</name>
    <message>
        <location filename="../../core/credentials/CredentialProviderFactory.cpp" line="+26"/>
        <source>&quot;%1&quot; is not an http(s) URL such as http://127.0.0.1:7002/credentials.</source>
        <translation>“%1”不是 http(s) URL，例如 http://127.0.0.1:7002/credentials。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown credential source &quot;%1&quot;; use one of %2.</source>
        <translation>未知的凭证来源“%1”；请使用以下之一：%2。</translation>
    </message>
</context>
<context>
    <name>CredentialService</name>
    <message>
        <location filename="../../app/cli/CredentialService.cpp" line="+30"/>
        <source>Assume this RAM role with STS AssumeRole (signed with the chosen source&apos;s credential) and serve the role session, renewed ahead of expiry.</source>
        <translation>通过 STS AssumeRole 扮演此 RAM 角色（使用所选来源的凭证签名），并提供该角色会话的凭证，在过期前自动续期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The role session name (default: roledesk-&lt;time&gt;).</source>
        <translation>角色会话名称（默认：roledesk-&lt;时间&gt;）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role session&apos;s lifetime in seconds, 900-43200 (default 3600).</source>
        <translation>角色会话的有效期（秒），900-43200（默认 3600）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew this many seconds before expiry (default 900, like the official libraries).</source>
        <translation>在过期前这么多秒续期（默认 900，与官方凭证库相同）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least this many seconds between two renewals (default 60).</source>
        <translation>两次续期之间至少间隔这么多秒（默认 60）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--duration takes 900 to 43200 seconds.</source>
        <translation>--duration 的取值为 900 到 43200 秒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--stale-window takes 0 to 86400 seconds.</source>
        <translation>--stale-window 的取值为 0 到 86400 秒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--min-refresh-interval takes 1 to 86400 seconds.</source>
        <translation>--min-refresh-interval 的取值为 1 到 86400 秒。</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+20"/>
        <source>Credentials unusable: %1</source>
        <translation>凭证不可用：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the credential has expired.</source>
        <translation>凭证已过期。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credentials unusable for serving: %1 gives a long-term AccessKey, which is never handed out. Use --role-arn ARN to serve a role session assumed with it.</source>
        <translation>凭证不能用于提供服务：%1 提供的是长期 AccessKey，它绝不会被提供出去。请使用 --role-arn ARN，以它扮演角色并提供角色会话凭证。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Refresh failed: %1 (next try %2)</source>
        <translation>刷新失败：%1（下次尝试 %2）</translation>
    </message>
</context>
<context>
    <name>CredentialSource</name>
    <message>
        <location filename="../../core/credentials/CredentialSource.cpp" line="+55"/>
        <source>Fresh</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh due</source>
        <translation>待刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refreshing</source>
        <translation>刷新中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No answer within %1 s; the fetch was abandoned and will be retried.</source>
        <translation>%1 秒内没有应答；已放弃本次获取，稍后将重试。</translation>
    </message>
</context>
<context>
    <name>CredsDoctorCommand</name>
    <message>
        <location filename="../../app/cli/CredsDoctorCommand.cpp" line="+10"/>
        <source>Explain where credentials can come from on this machine.</source>
        <translation>说明本机上可以从哪里获取凭证。</translation>
    </message>
</context>
<context>
    <name>CredsOptions</name>
    <message>
        <location filename="../../app/cli/CredsOptions.cpp" line="+23"/>
        <source>Where the credential comes from: chain (the default provider chain), uri, file, env, profile (aliyun CLI), ini, ecs.</source>
        <translation>凭证来源：chain（默认凭证链）、uri、file、env、profile（aliyun CLI）、ini、ecs。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credentials URI (default: $ALIBABA_CLOUD_CREDENTIALS_URI). Implies --source uri.</source>
        <translation>凭证服务地址（默认：$ALIBABA_CLOUD_CREDENTIALS_URI）。隐含 --source uri。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The credentials file (default: /mnt/.alibabacloud/credentials). Implies --source file.</source>
        <translation>凭证文件（默认：/mnt/.alibabacloud/credentials）。隐含 --source file。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profile name (aliyun CLI, or INI with --source ini). Implies --source profile.</source>
        <translation>配置名称（aliyun CLI 配置，或配合 --source ini 使用 INI 配置）。隐含 --source profile。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unknown --source &quot;%1&quot;; use one of %2.</source>
        <translation>未知的 --source“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--uri goes only with --source uri.</source>
        <translation>--uri 只能与 --source uri 一起使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--file goes only with --source file.</source>
        <translation>--file 只能与 --source file 一起使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--profile goes only with --source profile or --source ini.</source>
        <translation>--profile 只能与 --source profile 或 --source ini 一起使用。</translation>
    </message>
</context>
<context>
    <name>CredsProcessCommand</name>
    <message>
        <location filename="../../app/cli/CredsProcessCommand.cpp" line="+14"/>
        <source>Print the credential of a source as aliyun CLI External-mode JSON (for other tools).</source>
        <translation>以 aliyun CLI External 模式的 JSON 打印某个来源的凭证（供其他工具使用）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The credential has expired.</source>
        <translation>凭证已过期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials unusable: %1</source>
        <translation>凭证不可用：%1</translation>
    </message>
</context>
<context>
    <name>CredsShowCommand</name>
    <message>
        <location filename="../../app/cli/CredsShowCommand.cpp" line="+22"/>
        <source>Show the current credential of a source (masked) and its state.</source>
        <translation>显示某个来源的当前凭证（已掩码）及其状态。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expired %1 ago</source>
        <translation>已于 %1 前过期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1h %2m</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1m %2s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print one JSON object instead of text.</source>
        <translation>输出一个 JSON 对象，而不是文本。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The credential has expired.</source>
        <translation>凭证已过期。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Source:       %1</source>
        <translation>来源：        %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKeyId:  %1</source>
        <translation>AccessKeyId： %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expiration:   %1 (%2 UTC)</source>
        <translation>过期时间：    %1（%2 UTC）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time left:    %1</source>
        <translation>剩余时间：    %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiration:   never (a long-term AccessKey)</source>
        <translation>过期时间：    永不过期（长期 AccessKey）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State:        %1</source>
        <translation>状态：        %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials unusable: %1</source>
        <translation>凭证不可用：%1</translation>
    </message>
</context>
<context>
    <name>CredsValidateCommand</name>
    <message>
        <location filename="../../app/cli/CredsWatchCommand.cpp" line="+88"/>
        <source>Check a credential with STS GetCallerIdentity: who it is, and whether it works.</source>
        <translation>使用 STS GetCallerIdentity 检查凭证：它属于谁，以及是否可用。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The credential from %1 did not pass GetCallerIdentity</source>
        <translation>来自 %1 的凭证未通过 GetCallerIdentity 检查</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Valid: %1</source>
        <translation>有效：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:      %1</source>
        <translation>账号：        %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:         %1</source>
        <translation>类型：        %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKeyId:  %1 (from %2)</source>
        <translation>AccessKeyId： %1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>CredsWatchCommand</name>
    <message>
        <location line="-102"/>
        <source>Print a credential source&apos;s state changes as they happen, until interrupted.</source>
        <translation>实时输出凭证来源的状态变化，直到被中断。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>new credential %1 from %2</source>
        <translation>来自 %2 的新凭证 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires in %1</source>
        <translation>%1 后过期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(next try %1)</source>
        <translation>（下次尝试 %1）</translation>
    </message>
</context>
<context>
    <name>DataWorksClient</name>
    <message>
        <location filename="../../core/api/DataWorksClient.cpp" line="+448"/>
        <source>The answer carries no instance. Check the instance ID and the region.</source>
        <translation>应答中没有实例。请检查实例 ID 和地域。</translation>
    </message>
</context>
<context>
    <name>DefaultCredentialChain</name>
    <message>
        <location filename="../../core/credentials/DefaultCredentialChain.cpp" line="+41"/>
        <location line="+25"/>
        <source>default credential chain</source>
        <translation>默认凭证链</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No provider in the chain gave credentials: %1</source>
        <translation>凭证链中没有任何来源提供凭证：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credential chain has no providers.</source>
        <translation>凭证链中没有任何来源。</translation>
    </message>
</context>
<context>
    <name>DemoShots</name>
    <message>
        <location filename="../../ui/DemoShots.cpp" line="+75"/>
        <source>SQL workshop on Friday reads the course tables</source>
        <translation>周五的 SQL 培训会读取课程表</translation>
    </message>
</context>
<context>
    <name>EcsRamRoleProvider</name>
    <message>
        <location filename="../../core/credentials/EcsRamRoleProvider.cpp" line="+33"/>
        <source>ECS RAM role (instance metadata %1)</source>
        <translation>ECS RAM 角色（实例元数据 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>ECS RAM role %1 (instance metadata %2)</source>
        <translation>ECS RAM 角色 %1（实例元数据 %2）</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Instance metadata is disabled (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true).</source>
        <translation>实例元数据已禁用（ALIBABA_CLOUD_ECS_METADATA_DISABLED=true）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No IMDSv2 token from the instance metadata service (%1), and IMDSv1 is disabled (ALIBABA_CLOUD_IMDSV1_DISABLED=true). Outside ECS this source cannot work; set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip it.</source>
        <translation>无法从实例元数据服务获取 IMDSv2 令牌（%1），且 IMDSv1 已禁用（ALIBABA_CLOUD_IMDSV1_DISABLED=true）。在 ECS 之外此来源无法工作；请设置 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true 跳过它。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot ask the instance metadata service for the role name: %1 Outside ECS set ALIBABA_CLOUD_ECS_METADATA_DISABLED=true to skip this source.</source>
        <translation>无法向实例元数据服务查询角色名称：%1 在 ECS 之外，请设置 ALIBABA_CLOUD_ECS_METADATA_DISABLED=true 跳过此来源。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The instance metadata service names no RAM role: attach a RAM role to the instance, or name it in ALIBABA_CLOUD_ECS_METADATA.</source>
        <translation>实例元数据服务没有给出 RAM 角色：请为实例授予 RAM 角色，或在 ALIBABA_CLOUD_ECS_METADATA 中指定角色名称。</translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <location filename="../../core/api/Endpoints.cpp" line="+73"/>
        <source>The endpoint &quot;%1&quot; is not a valid URL: give it as https://host[:port][/path].</source>
        <translation>接入地址“%1”不是有效的 URL：请使用 https://host[:port][/path] 的形式。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refusing plain HTTP to %1: credentials and signatures would travel unencrypted. Use https://, or allow insecure HTTP explicitly (--allow-insecure-http) if this is a trusted private gateway.</source>
        <translation>拒绝以明文 HTTP 访问 %1：凭证和签名将以未加密方式传输。请使用 https://；如果这是可信的私有网关，请显式允许不安全的 HTTP（--allow-insecure-http）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The endpoint %1 uses the unsupported scheme &quot;%2&quot;: use https://.</source>
        <translation>接入地址 %1 使用了不支持的协议“%2”：请使用 https://。</translation>
    </message>
</context>
<context>
    <name>EnvCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/EnvCredentialProvider.cpp" line="+14"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_ID is not set. Set it and ALIBABA_CLOUD_ACCESS_KEY_SECRET to use an AccessKey from the environment.</source>
        <translation>未设置 ALIBABA_CLOUD_ACCESS_KEY_ID。如需使用环境变量中的 AccessKey，请设置它和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set although ALIBABA_CLOUD_ACCESS_KEY_ID is. Set both.</source>
        <translation>已设置 ALIBABA_CLOUD_ACCESS_KEY_ID，但未设置 ALIBABA_CLOUD_ACCESS_KEY_SECRET。请同时设置两者。</translation>
    </message>
    <message>
        <location filename="../../core/credentials/EnvCredentialProvider.h" line="+13"/>
        <source>environment variables</source>
        <translation>环境变量</translation>
    </message>
</context>
<context>
    <name>EnvironmentFilter</name>
    <message>
        <location filename="../../core/model/EnvironmentFilter.cpp" line="+71"/>
        <source>&quot;%1&quot; is not an environment status; use one of %2 or Unknown.</source>
        <translation>“%1”不是环境状态；请使用 %2 或 Unknown 之一。</translation>
    </message>
</context>
<context>
    <name>EnvironmentStatus</name>
    <message>
        <location filename="../../core/model/Environment.cpp" line="+149"/>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating</source>
        <translation>更新中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting</source>
        <translation>删除中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue payment</source>
        <extracomment>The Alibaba Cloud account has an overdue payment</extracomment>
        <translation>欠费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving</source>
        <translation>保存中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>EnvironmentStop</name>
    <message>
        <location filename="../../core/api/EnvironmentStop.cpp" line="+54"/>
        <source>Stopped following environment %1. The stop request was already sent and cannot be withdrawn; the environment may still stop. Refresh to see its status.</source>
        <translation>已停止跟踪环境 %1。停止请求已发送，无法撤回；环境仍可能停止。请刷新查看其状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled before the stop request was sent: environment %1 was not stopped.</source>
        <translation>在发送停止请求之前已取消：环境 %1 未被停止。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot stop environment %1: not connected.</source>
        <translation>无法停止环境 %1：未连接。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>DataWorks refused to stop environment %1: %2</source>
        <translation>DataWorks 拒绝停止环境 %1：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The stop of environment %1 was requested, but reading its status failed: %2</source>
        <translation>已请求停止环境 %1，但读取其状态失败：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Environment %1 did not stop: it is now %2%3.</source>
        <translation>环境 %1 未停止：它现在的状态是 %2%3。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Environment %1 is still %2 after %3 status reads; it did not reach Stopped in time. Refresh later, or stop it in the DataWorks console.</source>
        <translation>读取 %3 次状态后，环境 %1 仍为 %2，未能及时进入“已停止”。请稍后刷新，或在 DataWorks 控制台中停止它。</translation>
    </message>
</context>
<context>
    <name>EnvironmentTableModel</name>
    <message>
        <location filename="../../ui/EnvironmentTableModel.cpp" line="+77"/>
        <source>Visibility (recorded by admins)</source>
        <translation>可见性（由管理员记录）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the open rules file requires of each environment: OK, a deviation the plan would change, or one it cannot fix (hover a row for why).</source>
        <translation>已打开的规则文件对每个环境的要求：符合、计划会更改的偏差，或无法修复的偏差（将鼠标悬停在行上查看原因）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public or private in the workspace, as recorded by admins in RoleDesk: the DataWorks API does not expose it.</source>
        <translation>在工作空间中公开或私有，由管理员在 RoleDesk 中记录：DataWorks API 不提供此信息。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visibility
(recorded by admins)</source>
        <translation>可见性
（由管理员记录）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RAM role</source>
        <translation>RAM 角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1
Account ID: %2</source>
        <translation>%1
账号 ID：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account ID: %1</source>
        <translation>账号 ID：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account ID: %1
%2</source>
        <translation>账号 ID：%1
%2</translation>
    </message>
    <message>
        <location line="+507"/>
        <source>evaluating...</source>
        <translation>评估中...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no rule</source>
        <translation>无匹配规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK: %1</source>
        <translation>符合：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deviates: %1</source>
        <translation>偏差：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot fix: %1</source>
        <translation>无法修复：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The rules are being evaluated for this environment.</source>
        <translation>正在为此环境评估规则。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rule %1 &quot;%2&quot; (%3)</source>
        <translation>规则 %1“%2”（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current role: %1</source>
        <translation>当前角色：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: %1</source>
        <translation>要求：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fix deviations would change it to: %1</source>
        <translation>“修复偏差”会将其更改为：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot be fixed by the rules file:</source>
        <translation>无法由规则文件修复：</translation>
    </message>
</context>
<context>
    <name>EnvsListCommand</name>
    <message>
        <location filename="../../app/cli/EnvsCommands.cpp" line="+116"/>
        <source>List individual development environments with their role and recorded visibility.</source>
        <translation>列出个人开发环境及其角色和记录的可见性。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only this workspace (ProjectId or name).</source>
        <translation>仅此工作空间（ProjectId 或名称）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only environments of this owner (account id, or name when names can be listed).</source>
        <translation>只列出此所有者的环境（账号 ID，或在可以列出名称时使用名称）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only these statuses (comma-separated, e.g. Running).</source>
        <translation>仅这些状态（以逗号分隔，例如 Running）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance id or name contains this text.</source>
        <translation>实例 ID 或名称包含此文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only environments recorded as public.</source>
        <translation>仅记录为公开的环境。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only environments recorded as private.</source>
        <translation>仅记录为私有的环境。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only environments with this kind of role: default, custom, none.</source>
        <translation>仅关联此类角色的环境：default、custom、none。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only environments the API reports as reachable from the internet (an enabled internet port forwarding).</source>
        <translation>仅显示 API 报告为可从公网访问的环境（已启用公网端口转发）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--public and --private exclude each other.</source>
        <translation>--public 与 --private 不能同时使用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--role takes default, custom or none.</source>
        <translation>--role 的取值为 default、custom 或 none。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot list the environments</source>
        <translation>无法列出环境</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WORKSPACE</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OWNER</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VISIBILITY</source>
        <translation>可见性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UPDATED</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>INTERNET</source>
        <translation>公网</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n environment(s).</source>
        <translation>
            <numerusform>共 %n 个环境。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n public environment(s) have a role: anyone in the workspace can use it.</source>
        <translation>
            <numerusform>%n 个公开环境关联了角色：工作空间中的任何人都可以使用它。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n environment(s) reachable from the internet have a role.</source>
        <translation>
            <numerusform>%n 个可从公网访问的环境关联了角色。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvsOutput</name>
    <message>
        <location line="-208"/>
        <location line="+186"/>
        <source>%1 (%2 UTC)</source>
        <translation>%1（%2 UTC）</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>yes (%1)</source>
        <extracomment>Marks an environment reachable from the internet, followed by its forwarded ports</extracomment>
        <translation>是（%1）</translation>
    </message>
</context>
<context>
    <name>EnvsShowCommand</name>
    <message>
        <location line="+157"/>
        <source>Show one individual development environment.</source>
        <translation>显示一个个人开发环境。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The environment&apos;s instance id.</source>
        <translation>环境的实例 ID。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>envs show needs exactly one instance id.</source>
        <translation>envs show 需要且只需要一个实例 ID。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read environment %1</source>
        <translation>无法读取环境 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>FIELD</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VALUE</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance id</source>
        <translation>实例 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (account %2)</source>
        <translation>%1（账号 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(recorded by admins)</source>
        <translation>（由管理员记录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Internet</source>
        <translation>公网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forwarded port</source>
        <translation>转发端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: this environment is public and has a role: anyone in the workspace can use the role&apos;s credentials.</source>
        <translation>警告：该环境是公开的并关联了角色：工作空间中的任何人都可以使用该角色的凭证。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: this environment is reachable from the internet and has a role: anyone who gets in can use the role&apos;s credentials.</source>
        <translation>警告：此环境可从公网访问且关联了角色：任何能进入该环境的人都可以使用该角色的凭证。</translation>
    </message>
</context>
<context>
    <name>ExecCommand</name>
    <message>
        <location filename="../../app/cli/ExecCommand.cpp" line="+18"/>
        <source>Run a command with ALIBABA_CLOUD_CREDENTIALS_URI pointing at a private credentials service.</source>
        <translation>运行一个命令，并将 ALIBABA_CLOUD_CREDENTIALS_URI 指向一个私有凭证服务。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The command to run.</source>
        <translation>要运行的命令。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec needs a command after --, e.g. roledesk-cli exec --role-arn ARN -- python3 job.py</source>
        <translation>exec 需要在 -- 之后给出命令，例如 roledesk-cli exec --role-arn ARN -- python3 job.py</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot run %1: not found in PATH.</source>
        <translation>无法运行 %1：在 PATH 中找不到。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
</context>
<context>
    <name>Exposure</name>
    <message>
        <location filename="../../core/model/Exposure.cpp" line="+59"/>
        <source>Not reachable from the internet (no enabled internet port forwarding reported)</source>
        <translation>不可从公网访问（未报告已启用的公网端口转发）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reachable from the internet (ports %1) and holds a role: anyone who gets in can use the role&apos;s credentials</source>
        <translation>可从公网访问（端口 %1）且关联了角色：任何能进入该环境的人都可以使用该角色的凭证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reachable from the internet (ports %1)</source>
        <translation>可从公网访问（端口 %1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>EIP</source>
        <translation>EIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAT gateway</source>
        <translation>NAT 网关</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>internet</source>
        <comment>ForwardInfos AccessType</comment>
        <translation>公网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>intranet</source>
        <comment>ForwardInfos AccessType</comment>
        <translation>内网</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no access type</source>
        <translation>无访问类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port %1 (%2)</source>
        <translation>端口 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>through %1</source>
        <translation>经由 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, SSH public key set</source>
        <translation>，已设置 SSH 公钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, disabled</source>
        <translation>，已禁用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, reachable from the internet</source>
        <translation>，可从公网访问</translation>
    </message>
</context>
<context>
    <name>ExternalCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/ExternalCredentialProvider.cpp" line="+106"/>
        <source>The command ends with a backslash.</source>
        <translation>命令以反斜杠结尾。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The command has an unclosed quote.</source>
        <translation>命令中有未闭合的引号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile&apos;s process_command is empty.</source>
        <translation>配置的 process_command 为空。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The command did not print one JSON object on stdout (%1 at offset %2; its output is not shown because it may hold secrets). It must print {&quot;mode&quot;:&quot;StsToken&quot;, &quot;access_key_id&quot;, &quot;access_key_secret&quot;, &quot;sts_token&quot;, &quot;expiration&quot;} or {&quot;mode&quot;:&quot;AK&quot;, &quot;access_key_id&quot;, &quot;access_key_secret&quot;}.</source>
        <translation>命令没有在标准输出上打印一个 JSON 对象（%1，位于偏移 %2；其输出可能包含机密，因此不显示）。它必须打印 {&quot;mode&quot;:&quot;StsToken&quot;, &quot;access_key_id&quot;, &quot;access_key_secret&quot;, &quot;sts_token&quot;, &quot;expiration&quot;} 或 {&quot;mode&quot;:&quot;AK&quot;, &quot;access_key_id&quot;, &quot;access_key_secret&quot;}。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The command&apos;s JSON has a field that is not a string (mode, access_key_id, access_key_secret, sts_token and expiration are strings).</source>
        <translation>命令输出的 JSON 中有字段不是字符串（mode、access_key_id、access_key_secret、sts_token 和 expiration 都应是字符串）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command&apos;s JSON has mode &quot;%1&quot;; only &quot;AK&quot; and &quot;StsToken&quot; are defined.</source>
        <translation>命令输出的 JSON 的 mode 为“%1”；只定义了“AK”和“StsToken”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command&apos;s JSON lacks access_key_id or access_key_secret.</source>
        <translation>命令输出的 JSON 缺少 access_key_id 或 access_key_secret。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command&apos;s JSON has mode StsToken but no sts_token.</source>
        <translation>命令输出的 JSON 的 mode 为 StsToken，但没有 sts_token。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The command&apos;s expiration &quot;%1&quot; is not an ISO 8601 time with a zone such as 2026-11-28T15:05:35Z.</source>
        <translation>命令给出的 expiration“%1”不是带时区的 ISO 8601 时间，例如 2026-11-28T15:05:35Z。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The command printed a credential that expired at %1 UTC.</source>
        <translation>命令打印的凭证已于 %1 UTC 过期。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>External credential processes are disabled: ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true. Unset it to let RoleDesk run the profile&apos;s process_command, or pick another profile.</source>
        <translation>外部凭证进程已被禁用：ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true。取消该设置以允许 RoleDesk 运行配置的 process_command，或选择其他配置。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fix process_command in the profile (`aliyun configure --mode External`).</source>
        <translation>请修正配置中的 process_command（`aliyun configure --mode External`）。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cannot start &quot;%1&quot; (%2). Check process_command in the profile: the program must exist and be executable; it runs without a shell.</source>
        <translation>无法启动“%1”（%2）。请检查配置中的 process_command：程序必须存在且可执行；它不经由 shell 运行。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> It wrote nothing on stderr.</source>
        <translation> 它没有向标准错误输出任何内容。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> Its stderr: %1</source>
        <translation> 它的标准错误输出：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; did not finish within %2 s and was stopped.</source>
        <translation>“%1”未在 %2 秒内结束，已被停止。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; printed more than %2 bytes on stdout and was stopped; a credential is under 4 KiB. Check that process_command names the right program.</source>
        <translation>“%1”在标准输出上打印了超过 %2 字节，已被停止；凭证不到 4 KiB。请检查 process_command 指向的程序是否正确。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; was ended by a signal or crashed.</source>
        <translation>“%1”被信号终止或已崩溃。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; exited with code %2 (its stdout is not shown).</source>
        <translation>“%1”以退出码 %2 结束（不显示其标准输出）。</translation>
    </message>
</context>
<context>
    <name>FileCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/FileCredentialProvider.cpp" line="+24"/>
        <source>credentials file %1</source>
        <translation>凭证文件 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file does not exist. It exists only inside a DataWorks individual development environment; elsewhere use an AccessKey, a profile or another source.</source>
        <translation>文件不存在。它只存在于 DataWorks 个人开发环境中；在其他地方请使用 AccessKey、配置文件或其他来源。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be read (%1). Check its permissions.</source>
        <translation>无法读取该文件（%1）。请检查其权限。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is larger than 64 KiB; a credentials file is under 8 KiB. Check the path.</source>
        <translation>文件大于 64 KiB；凭证文件通常小于 8 KiB。请检查路径。</translation>
    </message>
</context>
<context>
    <name>GlobalOptions</name>
    <message>
        <location filename="../../app/cli/CliSession.cpp" line="-242"/>
        <source>Print JSON (the stable contract in docs/CLI.md) instead of text.</source>
        <translation>输出 JSON（docs/CLI.md 中的稳定约定），而不是文本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One endpoint URL for every service (a sandbox, a private gateway); MaxCompute at &lt;URL&gt;/api. Default: the public endpoints of the region.</source>
        <translation>所有服务使用同一个接入地址 URL（沙箱、私有网关）；MaxCompute 位于 &lt;URL&gt;/api。默认：该地域的公网接入地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The region id (default: cn-hangzhou).</source>
        <translation>地域 ID（默认：cn-hangzhou）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start an in-process sandbox for this one command and use its endpoint and admin key (visibility and audit records go to a temporary folder).</source>
        <translation>仅为本次命令启动一个进程内沙箱，并使用其接入地址和管理员密钥（可见性和审计记录写入临时文件夹）。</translation>
    </message>
</context>
<context>
    <name>IdentityCheck</name>
    <message>
        <location filename="../../core/model/IdentityCheck.cpp" line="+37"/>
        <source>It matches the environment&apos;s role %1.</source>
        <translation>与环境的角色 %1 一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It does NOT match the environment&apos;s role %1 (the credential is for %2).</source>
        <translation>与环境的角色 %1 不一致（该凭证属于 %2）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The environment uses the DataWorks default role; this is a role session (%1).</source>
        <translation>该环境使用 DataWorks 默认角色；这是一个角色会话（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment uses the DataWorks default role, but this is not a role session.</source>
        <translation>该环境使用 DataWorks 默认角色，但这不是角色会话。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The environment has no role associated, yet a credential was served.</source>
        <translation>该环境未关联角色，却提供了凭证。</translation>
    </message>
</context>
<context>
    <name>IniProfileProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="+36"/>
        <source>INI profile %1 in %2</source>
        <translation>%2 中的 INI 配置 %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>long-term AccessKey %1</source>
        <translation>长期 AccessKey %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>asks the ECS metadata service (works on ECS only)</source>
        <translation>向 ECS 元数据服务获取（仅在 ECS 上可用）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>assumes %1 with STS AssumeRole</source>
        <translation>通过 STS AssumeRole 扮演 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported by this front end</source>
        <translation>此前端不支持</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type not supported by RoleDesk</source>
        <translation>RoleDesk 不支持此类型</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no [%2] section. Add it or choose another (--profile or ALIBABA_CLOUD_PROFILE).</source>
        <translation>%1 中没有 [%2] 节。请添加，或选择其他配置（--profile 或 ALIBABA_CLOUD_PROFILE）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>INI profile %1 (%2) in %3</source>
        <translation>%3 中的 INI 配置 %1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The [%1] section lacks access_key_id or access_key_secret in %2.</source>
        <translation>%2 中的 [%1] 节缺少 access_key_id 或 access_key_secret。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Profile type &quot;%1&quot; of [%2] is not supported by RoleDesk. Use access_key, ecs_ram_role or ram_role_arn.</source>
        <translation>[%2] 的配置类型“%1”不受 RoleDesk 支持。请使用 access_key、ecs_ram_role 或 ram_role_arn。</translation>
    </message>
</context>
<context>
    <name>KeychainStore</name>
    <message>
        <location filename="../../ui/KeychainStore.cpp" line="+64"/>
        <source>No secret is stored in the OS keychain for &quot;%1&quot;. Enter the AccessKey pair again.</source>
        <translation>系统密钥环中没有为“%1”保存密钥。请重新输入 AccessKey。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No OS keychain is available (%1). RoleDesk does not store AccessKey secrets in plain text: start a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager) or use a credentials file or profile instead.</source>
        <translation>没有可用的系统密钥环（%1）。RoleDesk 不会以明文保存 AccessKey Secret：请启动一个密钥环（GNOME 密钥环、KWallet、macOS 钥匙串、Windows 凭据管理器），或改用凭证文件或配置文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS keychain refused access for &quot;%1&quot; (%2). Unlock it and try again.</source>
        <translation>系统密钥环拒绝访问“%1”（%2）。请解锁后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The OS keychain failed for &quot;%1&quot;: %2</source>
        <translation>系统密钥环操作“%1”失败：%2</translation>
    </message>
</context>
<context>
    <name>LocalCredentialServer</name>
    <message>
        <location filename="../../app/cli/LocalCredentialServer.cpp" line="+78"/>
        <source>Cannot listen on 127.0.0.1:%1: %2. Choose another port with --port, or 0 for any free port.</source>
        <translation>无法在 127.0.0.1:%1 上监听：%2。请用 --port 选择其他端口，或用 0 表示任意空闲端口。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The credential source gives a long-term AccessKey, which is never served: the in-environment format carries STS credentials only. Use --role-arn to serve a role session instead.</source>
        <translation>该凭证来源提供的是长期 AccessKey，不会被提供出去：环境内格式只承载 STS 临时凭证。请使用 --role-arn 提供角色会话凭证。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No credential yet: the first fetch has not finished.</source>
        <translation>尚无凭证：首次获取尚未完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No usable credential: %1</source>
        <translation>没有可用凭证：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next try at %1.</source>
        <translation>下次尝试时间：%1。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+111"/>
        <source>RoleDesk</source>
        <translation>RoleDesk</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile: </source>
        <translation>配置： </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the admin credential comes from: the default credential chain, an aliyun CLI profile, an INI profile, or an AccessKey pair stored in the OS keychain.</source>
        <translation>管理员凭证的来源：默认凭证链、aliyun CLI 配置、INI 配置，或保存在系统密钥环中的 AccessKey。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> Region: </source>
        <translation> 地域： </translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+405"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="-398"/>
        <source> Endpoint: </source>
        <translation> 接入地址： </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint override</source>
        <translation>自定义接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public endpoints</source>
        <translation>公网接入地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Workspaces&lt;/b&gt;</source>
        <translation>&lt;b&gt;工作空间&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspaces</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the workspaces whose environments the table shows.</source>
        <translation>勾选要在表格中显示其环境的工作空间。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Risk warning</source>
        <translation>风险警告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Risk warning text</source>
        <translation>风险警告内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Show them</source>
        <translation>显示这些环境</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Show the public environments that have a RAM role</source>
        <translation>显示关联了 RAM 角色的公开环境</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Internet exposure warning text</source>
        <translation>公网暴露警告文本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show environments reachable from the internet that have a role</source>
        <translation>显示可从公网访问且关联了角色的环境</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error text</source>
        <translation>错误内容</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rules file</source>
        <translation>规则文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules file state</source>
        <translation>规则文件状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only deviations</source>
        <translation>仅显示偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the environments that deviate from the rules</source>
        <translation>只显示与规则有偏差的环境</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix deviations...</source>
        <translation>修复偏差...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the deviations from the rules</source>
        <translation>修复与规则的偏差</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter environments</source>
        <translation>筛选环境</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1003"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location line="-985"/>
        <source>Owner filter</source>
        <translation>所有者筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any owner</source>
        <translation>任何所有者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visibility filter</source>
        <translation>可见性筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any visibility</source>
        <translation>任意可见性</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role filter</source>
        <translation>角色筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any role setting</source>
        <translation>任意角色设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has a role</source>
        <translation>已关联角色</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Only environments reachable from the internet</source>
        <translation>仅显示可从公网访问的环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only environments the DataWorks API reports as reachable from the internet (an enabled port forwarding with access type internet, through an EIP or a NAT gateway).</source>
        <translation>仅显示 DataWorks API 报告为可从公网访问的环境（已启用访问类型为 internet 的端口转发，经由 EIP 或 NAT 网关）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear all filters</source>
        <translation>清除所有筛选条件</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>No results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No environment matches the filters. Press Esc in the filter box or Clear to see them all.</source>
        <translation>没有符合筛选条件的环境。在筛选框中按 Esc 或点击“清除”以显示全部环境。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shown environments</source>
        <translation>显示的环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel loading</source>
        <translation>取消加载</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Environment details</source>
        <translation>环境详情</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+724"/>
        <source>No environment selected</source>
        <translation>未选择环境</translation>
    </message>
    <message>
        <location line="-723"/>
        <source>Selected environment</source>
        <translation>选中的环境</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM role</source>
        <translation>RAM 角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visibility, recorded by admins</source>
        <translation>可见性（由管理员记录）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public or private in the workspace, recorded by admins in RoleDesk: the DataWorks API does not expose it.</source>
        <translation>在工作空间中公开或私有，由管理员在 RoleDesk 中记录：DataWorks API 不提供此信息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visibility
(recorded by admins):</source>
        <translation>可见性
（由管理员记录）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who recorded the visibility, and when</source>
        <translation>可见性由谁、在何时记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Internet exposure and forwarded ports</source>
        <translation>公网暴露与转发端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internet:</source>
        <translation>公网：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource group</source>
        <translation>资源组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CU</source>
        <translation>CU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role...</source>
        <translation>修改角色...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the RAM role</source>
        <translation>修改 RAM 角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspect credentials...</source>
        <translation>检查凭证...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect the environment&apos;s credentials</source>
        <translation>检查环境的凭证</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>SANDBOX</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected to the sandbox</source>
        <translation>已连接到沙箱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to RoleDesk&apos;s simulated cloud on this machine: nothing here touches a real Alibaba Cloud account.</source>
        <translation>已连接到本机上 RoleDesk 模拟的云：这里的任何操作都不会影响真实的阿里云账号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caller identity</source>
        <translation>调用者身份</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last role change</source>
        <translation>撤销上一次角色更改</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import visibility records...</source>
        <translation>导入可见性记录(&amp;I)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;rules file...</source>
        <translation>打开规则文件(&amp;R)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close rules file</source>
        <translation>关闭规则文件(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter...</source>
        <translation>筛选(&amp;F)...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show public environments with a role</source>
        <translation>显示关联了角色的公开环境</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Details pane</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Audit log...</source>
        <translation>审计日志(&amp;A)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Environment</source>
        <translation>环境(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change role...</source>
        <translation>修改角色(&amp;C)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change role of &amp;selection...</source>
        <translation>修改所选环境的角色(&amp;S)...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Inspect credentials...</source>
        <translation>检查凭证(&amp;I)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fix deviations from the rules...</source>
        <translation>修复与规则的偏差(&amp;F)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About RoleDesk</source>
        <translation>关于 RoleDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About RoleDesk</source>
        <translation>关于 RoleDesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;Review and set the RAM roles of DataWorks individual development environments, and inspect the credentials they hand out.&lt;/p&gt;</source>
        <translation>&lt;p&gt;查看并设置 DataWorks 个人开发环境的 RAM 角色，并检查环境发放的凭证。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Licensed under the Apache License 2.0 (Apache-2.0).&lt;br&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;基于 Apache License 2.0（Apache-2.0）许可。&lt;br&gt;使用 Qt %1 构建，运行于 Qt %2。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In the filter box: clear the filter</source>
        <translation>在筛选框中：清除筛选条件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sandbox admin key</source>
        <translation>沙箱管理员密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default credential chain</source>
        <translation>默认凭证链</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AccessKey: %1 (keychain)</source>
        <translation>AccessKey：%1（密钥环）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The sandbox answers on this address of this machine; it cannot be changed.</source>
        <translation>沙箱在本机的这个地址上应答；该地址不能修改。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>AccessKey pair &quot;%1&quot; from the OS keychain</source>
        <translation>系统密钥环中的 AccessKey“%1”</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Region: %1</source>
        <translation>地域：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint: %1</source>
        <translation>接入地址：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Alibaba Cloud endpoints</source>
        <translation>阿里云公网接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting with %1...</source>
        <translation>正在使用 %1 连接...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RoleDesk - sandbox</source>
        <translation>RoleDesk - 沙箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RoleDesk - %1</source>
        <translation>RoleDesk - %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in as %1 (%2, account %3)</source>
        <translation>当前身份：%1（%2，账号 %3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From STS GetCallerIdentity</source>
        <translation>来自 STS GetCallerIdentity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caller unknown (hover for why)</source>
        <translation>调用者未知（悬停查看原因）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Getting a credential from %1...</source>
        <translation>正在从 %1 获取凭证...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No usable credential from %1: %2 Pick another profile or fix this one, then press Connect (or F5).</source>
        <translation>%1 没有提供可用凭证：%2 请选择其他配置或修复此配置，然后点击“连接”（或按 F5）。</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>1 environment reachable from the internet has a RAM role.</source>
        <translation>1 个可从公网访问的环境关联了 RAM 角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 environments reachable from the internet have a RAM role.</source>
        <translation>%1 个可从公网访问的环境关联了 RAM 角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API reports a port forwarded to the internet (often SSH): anyone who gets in can use the role&apos;s credentials.</source>
        <translation>API 报告有端口转发到公网（通常是 SSH）：任何能进入该环境的人都可以使用该角色的凭证。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Session policy:
%1</source>
        <translation>会话策略：
%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>recorded by %1 at %2</source>
        <translation>由 %1 于 %2 记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n statuses</source>
        <translation>
            <numerusform>%n 种状态</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show environments in any status; tick statuses to narrow.</source>
        <translation>显示任何状态的环境；勾选状态以缩小范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown statuses: %1</source>
        <translation>显示的状态：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Account ID: %1</source>
        <translation>账号 ID：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1
Account ID: %2</source>
        <translation>%1
账号 ID：%2</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Lower the protection?</source>
        <translation>要降低保护吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n environment(s) recorded as public have a RAM role: %1.</source>
        <translation>
            <numerusform>有 %n 个记录为公开的环境关联了 RAM 角色：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording them as %1 turns off the public-environment guard for them: role changes are no longer checked against the guidance, and the risk banner stops counting them. The change is written to the audit log.</source>
        <translation>将它们记录为%1会关闭对它们的公开环境保护：角色变更不再按建议检查，风险横幅也不再统计它们。此变更会写入审计日志。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record as %1</source>
        <translation>记录为%1</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>Recorded %n environment(s) as %1 (audit log: Ctrl+L).</source>
        <translation>
            <numerusform>已将 %n 个环境记录为%1（审计日志：Ctrl+L）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Imported, but the records could not be saved to %1: %2</source>
        <translation>已导入，但无法将记录保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1 visibility records from %2 (%3 changed).</source>
        <translation>已从 %2 导入 %1 条可见性记录（%3 条有变化）。</translation>
    </message>
    <message>
        <location line="+306"/>
        <source>Open rules file</source>
        <translation>打开规则文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules files (*.yaml *.yml);;All files (*)</source>
        <translation>规则文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>The rules file %1 has %n error(s). The Rules column is empty until they are fixed; the file is watched, so saving it again is enough.</source>
        <translation>
            <numerusform>规则文件 %1 有 %n 个错误。在修正之前“规则”列为空；该文件受到监视，修正后再次保存即可。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Rules: %1 (%n rule(s), first match wins).</source>
        <translation>
            <numerusform>规则：%1（%n 条规则，按首个匹配生效）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluating...</source>
        <translation>评估中...</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Every one of the %n environment(s) follows the rules.</source>
        <translation>
            <numerusform>全部 %n 个环境都符合规则。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n environment(s) deviate: %1 can be fixed, %2 cannot (hover the Rules column for why).</source>
        <translation>
            <numerusform>%n 个环境有偏差：%1 个可以修复，%2 个无法修复（将鼠标悬停在“规则”列上查看原因）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No environment deviates from the rules.</source>
        <translation>没有环境与规则有偏差。</translation>
    </message>
    <message>
        <location line="-1029"/>
        <source>Could not list the workspaces: %1</source>
        <translation>无法列出工作空间：%1</translation>
    </message>
    <message>
        <location line="-619"/>
        <source>Filter by name, ID or owner (Ctrl+F)</source>
        <translation>按名称、ID 或所有者筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+453"/>
        <source>aliyun CLI: %1 (%2) — %3</source>
        <translation>aliyun CLI：%1（%2）— %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>INI: %1 (%2) — %3</source>
        <translation>INI：%1（%2）— %3</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>%1 (ID %2, owner %3)</source>
        <translation>%1（ID %2，所有者 %3）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>(loading cancelled)</source>
        <translation>（已取消加载）</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Loading the environments stopped: %1</source>
        <translation>环境加载已停止：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Workspace %1</source>
        <translation>工作空间 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+135"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>1 public environment has a RAM role.</source>
        <translation>1 个公开环境关联了 RAM 角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 public environments have a RAM role.</source>
        <translation>%1 个公开环境关联了 RAM 角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anyone who can use a public environment acts with its role&apos;s permissions; the product guidance is to choose &quot;Do Not Associate Role&quot; for them.</source>
        <translation>任何能使用公开环境的人都会以其角色的权限执行操作；产品建议为这些环境选择“不关联角色”。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n environment(s)</source>
        <translation>
            <numerusform>%n 个环境</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n environment(s) shown</source>
        <translation>
            <numerusform>显示 %1 个，共 %n 个环境</numerusform>
        </translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1
(account %2)</source>
        <translation>%1
（账号 %2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+245"/>
        <source>Visibility not saved</source>
        <translation>可见性未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visibility record changed in this session but could not be saved to %1: %2</source>
        <translation>本次会话中修改了可见性记录，但无法保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import visibility records</source>
        <translation>导入可见性记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility records (*.json *.csv);;All files (*)</source>
        <translation>可见性记录 (*.json *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was imported from %1:
%2</source>
        <translation>没有从 %1 导入任何内容：
%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Role of %1 changed to %2 (it was %3). The audit log (Ctrl+L) has the record.</source>
        <translation>%1 的角色已改为%2（原为%3）。审计日志（Ctrl+L）中有记录。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Set the role of %1 back to %2 (from the audit record of %3)</source>
        <translation>将 %1 的角色改回 %2（依据 %3 的审计记录）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Undo of the change recorded at %1</source>
        <translation>撤销记录于 %1 的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting the role of %1 back to %2...</source>
        <translation>正在将 %1 的角色改回 %2……</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not undone: setting %1 back to %2 needs a confirmation with a reason. Use Change role (Ctrl+R).</source>
        <translation>未撤销：将 %1 改回 %2 需要填写理由并确认。请使用“更改角色”（Ctrl+R）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not undone: %1</source>
        <translation>未撤销：%1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Set visibility (recorded by admins)</source>
        <translation>设置可见性（由管理员记录）</translation>
    </message>
</context>
<context>
    <name>MaxComputeClient</name>
    <message>
        <location filename="../../core/api/MaxComputeClient.cpp" line="+116"/>
        <source>The answer is not the &lt;Tables&gt; XML MaxCompute returns. Check that the endpoint is the MaxCompute API root (…/api).</source>
        <translation>应答不是 MaxCompute 返回的 &lt;Tables&gt; XML。请检查接入地址是否为 MaxCompute API 根路径（…/api）。</translation>
    </message>
</context>
<context>
    <name>MaxComputeTablesCommand</name>
    <message>
        <location filename="../../app/cli/MaxComputeTablesCommand.cpp" line="+14"/>
        <source>List the tables of a MaxCompute project with the chosen credential.</source>
        <translation>使用所选凭证列出 MaxCompute 项目中的表。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The MaxCompute project.</source>
        <translation>MaxCompute 项目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MaxCompute API root, e.g. https://service.cn-hangzhou.maxcompute.aliyun.com/api.</source>
        <translation>MaxCompute API 根地址，例如 https://service.cn-hangzhou.maxcompute.aliyun.com/api。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only tables whose name starts with this.</source>
        <translation>仅列出名称以此开头的表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>maxcompute tables needs --project P.</source>
        <translation>maxcompute tables 需要 --project P。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--maxcompute-endpoint needs a URL such as https://service.cn-hangzhou.maxcompute.aliyun.com/api.</source>
        <translation>--maxcompute-endpoint 需要一个 URL，例如 https://service.cn-hangzhou.maxcompute.aliyun.com/api。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot list the tables of MaxCompute project %1</source>
        <translation>无法列出 MaxCompute 项目 %1 中的表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TABLE</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OWNER</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MODIFIED</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>COMMENT</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 table(s) in %2.</source>
        <translation>%2 中有 %1 张表。</translation>
    </message>
</context>
<context>
    <name>OAuthProvider</name>
    <message>
        <location filename="../../core/credentials/OAuthProvider.cpp" line="+111"/>
        <source>The OAuth profile %1 has no valid oauth_site_type (CN or INTL). Sign in again with `%2`.</source>
        <translation>OAuth 配置 %1 没有有效的 oauth_site_type（CN 或 INTL）。请用 `%2` 重新登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The OAuth sign-in of profile %1 has ended (no refresh token, and the access token has expired). Sign in again with `%2`, then try again.</source>
        <translation>配置 %1 的 OAuth 登录已结束（没有刷新令牌，访问令牌也已过期）。请用 `%2` 重新登录，然后重试。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The OAuth service %1 did not answer the token renewal: %2</source>
        <translation>OAuth 服务 %1 未响应令牌续期：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The OAuth service refused to renew the sign-in of profile %1 (%2). Sign in again with `%3`, then try again.</source>
        <translation>OAuth 服务拒绝续期配置 %1 的登录（%2）。请用 `%3` 重新登录，然后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no tokens in its answer</source>
        <translation>其应答中没有令牌</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The OAuth service %1 did not answer: %2</source>
        <translation>OAuth 服务 %1 未响应：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The OAuth service refused to issue a credential for profile %1 (%2). If the sign-in is no longer valid, sign in again with `%3`.</source>
        <translation>OAuth 服务拒绝为配置 %1 签发凭证（%2）。如果登录已失效，请用 `%3` 重新登录。</translation>
    </message>
</context>
<context>
    <name>OidcRoleArnProvider</name>
    <message>
        <location filename="../../core/credentials/OidcRoleArnProvider.cpp" line="+39"/>
        <source>OIDC role %1</source>
        <translation>OIDC 角色 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>OIDC role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)</source>
        <translation>OIDC 角色（ALIBABA_CLOUD_ROLE_ARN、ALIBABA_CLOUD_OIDC_PROVIDER_ARN、ALIBABA_CLOUD_OIDC_TOKEN_FILE）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An OIDC role needs a role ARN, an OIDC provider ARN and a token file; one of them is empty (profile fields ram_role_arn, oidc_provider_arn, oidc_token_file, or the ALIBABA_CLOUD_ROLE_ARN / _OIDC_PROVIDER_ARN / _OIDC_TOKEN_FILE variables).</source>
        <translation>OIDC 角色需要角色 ARN、OIDC 提供方 ARN 和令牌文件；其中有一项为空（配置字段 ram_role_arn、oidc_provider_arn、oidc_token_file，或变量 ALIBABA_CLOUD_ROLE_ARN / _OIDC_PROVIDER_ARN / _OIDC_TOKEN_FILE）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The session duration %1 s is below STS&apos;s minimum of 900 s.</source>
        <translation>会话时长 %1 秒低于 STS 的最小值 900 秒。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the OIDC token file %1 (%2).</source>
        <translation>无法读取 OIDC 令牌文件 %1（%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The OIDC token file %1 is empty.</source>
        <translation>OIDC 令牌文件 %1 为空。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>STS AssumeRoleWithOIDC at %1: %2</source>
        <translation>在 %1 调用 STS AssumeRoleWithOIDC：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>STS refused AssumeRoleWithOIDC (HTTP %1).</source>
        <translation>STS 拒绝了 AssumeRoleWithOIDC（HTTP %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS refused AssumeRoleWithOIDC: %1: %2</source>
        <translation>STS 拒绝了 AssumeRoleWithOIDC：%1：%2</translation>
    </message>
</context>
<context>
    <name>OwnerDirectory</name>
    <message>
        <location filename="../../core/api/OwnerDirectory.cpp" line="+76"/>
        <source>Owner names of workspace %1 are not shown: these credentials may not list its members (ListProjectMembers answered %2). Account ids are shown instead; a workspace administrator can list members.</source>
        <translation>未显示工作空间 %1 的所有者名称：这些凭据无权列出其成员（ListProjectMembers 返回 %2）。改为显示账号 ID；工作空间管理员可以列出成员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Owner names of workspace %1 are not shown: its members could not be listed (%2). Account ids are shown instead.</source>
        <translation>未显示工作空间 %1 的所有者名称：无法列出其成员（%2）。改为显示账号 ID。</translation>
    </message>
</context>
<context>
    <name>PlanCommand</name>
    <message>
        <location filename="../../app/cli/RulesCommands.cpp" line="-424"/>
        <source>The rules file (YAML; see docs/rules-example.yaml). Required.</source>
        <translation>规则文件（YAML；参见 docs/rules-example.yaml）。必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this workspace (ProjectId or name).</source>
        <translation>仅此工作空间（ProjectId 或名称）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only environments of this owner (account id).</source>
        <translation>仅此所有者（账号 ID）的环境。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these statuses (comma-separated, e.g. Running).</source>
        <translation>仅这些状态（逗号分隔，例如 Running）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance id or name contains this text.</source>
        <translation>实例 ID 或名称包含此文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only environments recorded as public.</source>
        <translation>仅记录为公开的环境。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only environments recorded as private.</source>
        <translation>仅记录为私有的环境。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--public and --private exclude each other.</source>
        <translation>--public 与 --private 互斥。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--rules FILE is required.</source>
        <translation>必须提供 --rules FILE。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The rules file has %n error(s); nothing was planned. Fix them and run again.</source>
        <translation>
            <numerusform>规则文件有 %n 处错误；未生成计划。请修正后重新运行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Note: the trust policy of %1 could not be read (%2).</source>
        <translation>注意：无法读取 %1 的信任策略（%2）。</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>Rules file %1: %n rule(s), first match wins.</source>
        <translation>
            <numerusform>规则文件 %1：%n 条规则，按首个匹配生效。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Workspace %1</source>
        <translation>工作空间 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CHANGE</source>
        <translation>更改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RULE</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (public override)</source>
        <translation>（公开环境例外）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Plan: %1 to change, %2 cannot be fixed, %3 keep their role.</source>
        <translation>计划：%1 项待更改，%2 项无法修复，%3 项保持原角色。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot list the environments</source>
        <translation>无法列出环境</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Show what a rules file would change (nothing is sent).</source>
        <translation>显示规则文件将做的更改（不发送任何请求）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exit with 5 when the plan has changes, 0 when it has none (like git diff --exit-code).</source>
        <translation>计划中有更改时以 5 退出，没有时以 0 退出（类似 git diff --exit-code）。</translation>
    </message>
</context>
<context>
    <name>ProfileCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/ProfileCredentialProvider.cpp" line="-630"/>
        <source>%1 profiles are not supported yet: RoleDesk cannot call STS AssumeRole in this version. Use an AccessKey or StsToken profile, or the environment&apos;s credentials URI.</source>
        <translation>暂不支持 %1 配置：此版本的 RoleDesk 无法调用 STS AssumeRole。请使用 AccessKey 或 StsToken 配置，或环境的凭证服务地址。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 profiles are disabled: ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true (it forbids External and CredentialsURI profiles). Unset it or pick another profile.</source>
        <translation>%1 配置已被禁用：ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=true（它禁止 External 和 CredentialsURI 配置）。请取消该设置或选择其他配置。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The %1 profile %2 holds no cached STS credential. Sign in with `%3` (or run any aliyun command with --profile %2), then try again.</source>
        <translation>%1 配置 %2 中没有缓存的 STS 凭证。请用 `%3` 登录（或带 --profile %2 运行任意 aliyun 命令）后再试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The STS credential the aliyun CLI cached in the %1 profile %2 expired at %3 UTC and the sign-in cannot renew it. Run any aliyun command with --profile %2 to renew it, or sign in again with `%4`.</source>
        <translation>aliyun CLI 缓存在 %1 配置 %2 中的 STS 凭证已于 %3 UTC 过期，且该登录无法续期它。运行任意带 --profile %2 的 aliyun 命令来续期，或用 `%4` 重新登录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read %1 (%2).</source>
        <translation>无法读取 %1（%2）。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 does not exist. Run `aliyun configure` to create a profile.</source>
        <translation>%1 不存在。请运行 `aliyun configure` 创建配置。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a valid aliyun CLI configuration (%2). Fix or recreate it with `aliyun configure`.</source>
        <translation>%1 不是有效的 aliyun CLI 配置（%2）。请使用 `aliyun configure` 修复或重新创建。</translation>
    </message>
    <message>
        <location line="+384"/>
        <source>%1 does not exist. Create it with a [default] section of type access_key, or use another source.</source>
        <translation>%1 不存在。请创建它并添加类型为 access_key 的 [default] 节，或使用其他来源。</translation>
    </message>
</context>
<context>
    <name>RamRoleArnProvider</name>
    <message>
        <location filename="../../core/api/RamRoleArnProvider.cpp" line="+32"/>
        <source>AssumeRole %1</source>
        <translation>AssumeRole %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No source credential is configured to call AssumeRole with.</source>
        <translation>没有配置用于调用 AssumeRole 的源凭证。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The source credential for AssumeRole %1 failed: %2</source>
        <translation>AssumeRole %1 的源凭证失败：%2</translation>
    </message>
</context>
<context>
    <name>Redaction</name>
    <message>
        <location filename="../../core/util/Redaction.cpp" line="+554"/>
        <source>(not JSON, %1 bytes)</source>
        <translation>（不是 JSON，%1 字节）</translation>
    </message>
</context>
<context>
    <name>Revocation</name>
    <message>
        <location filename="../../core/model/Revocation.cpp" line="+39"/>
        <source>Credentials the environment already received for %1 are not revoked by this change: they stay valid until they expire, at the latest %2.</source>
        <translation>此次更改不会吊销环境已经获得的 %1 凭证：它们在过期前一直有效，最迟到 %2。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>(The role&apos;s maximum session duration is %n second(s).)</source>
        <translation>
            <numerusform>（该角色的最大会话时长为 %n 秒。）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(This role&apos;s maximum session duration is unknown (the DataWorks default role&apos;s is not published, or RAM could not be read), so the bound is the STS ceiling of 12 hours.)</source>
        <translation>（该角色的最大会话时长未知（DataWorks 默认角色的未公开，或无法读取 RAM），因此以 STS 上限 12 小时为界。）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping the environment now ends the processes that hold them and its credential service; a copy already taken out of the environment stays valid until it expires.</source>
        <translation>现在停止环境会结束持有这些凭证的进程及其凭证服务；已被带出环境的副本在过期前仍然有效。</translation>
    </message>
</context>
<context>
    <name>RevocationDialog</name>
    <message>
        <location filename="../../ui/RevocationDialog.cpp" line="+26"/>
        <source>Credentials already issued</source>
        <translation>已签发的凭证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the change does not revoke</source>
        <translation>此次更改不会吊销的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop progress</source>
        <translation>停止进度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop environment now...</source>
        <translation>立即停止环境...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the environment now</source>
        <translation>立即停止环境</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel stop</source>
        <translation>取消停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop following the environment</source>
        <translation>停止跟踪该环境</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The environment held no role before this change: no credentials were issued to it.</source>
        <translation>此次更改前该环境未关联角色：未向其签发任何凭证。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stop environment</source>
        <translation>停止环境</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop environment %1 (%2) now? Its running work ends; its owner can start it again.</source>
        <translation>现在停止环境 %1（%2）吗？其正在运行的工作将结束；其所有者可以再次启动它。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopping environment %1...</source>
        <translation>正在停止环境 %1...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Environment %1 is %2...</source>
        <translation>环境 %1 状态为 %2...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Environment %1 is stopped.</source>
        <translation>环境 %1 已停止。</translation>
    </message>
</context>
<context>
    <name>RoleArn</name>
    <message>
        <location filename="../../core/model/RoleArn.cpp" line="+19"/>
        <source>A role ARN looks like acs:ram::&lt;account-id&gt;:role/&lt;role-name&gt;.</source>
        <translation>角色 ARN 的格式为 acs:ram::&lt;账号 ID&gt;:role/&lt;角色名称&gt;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The role ARN is empty.</source>
        <translation>角色 ARN 为空。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; does not start with &quot;acs:ram::&quot;.</source>
        <translation>“%1”不是以“acs:ram::”开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no &quot;:role/&quot; part: it is not a RAM role ARN (a user or an assumed-role session ARN cannot be associated).</source>
        <translation>“%1”没有“:role/”部分：它不是 RAM 角色 ARN（用户或扮演角色会话的 ARN 不能被关联）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; has no account id between &quot;acs:ram::&quot; and &quot;:role/&quot;.</source>
        <translation>“%1”在“acs:ram::”和“:role/”之间没有账号 ID。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account id &quot;%1&quot; in &quot;%2&quot; must contain digits only.</source>
        <translation>“%2”中的账号 ID“%1”只能包含数字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; has no role name after &quot;role/&quot;.</source>
        <translation>“%1”在“role/”之后没有角色名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role name in &quot;%1&quot; has %2 characters; RAM allows at most 64.</source>
        <translation>“%1”中的角色名称有 %2 个字符；RAM 最多允许 64 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role name &quot;%1&quot; may contain only letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>角色名称“%1”只能包含字母、数字、“.”、“-”和“_”。</translation>
    </message>
</context>
<context>
    <name>RoleAssociation</name>
    <message>
        <location filename="../../core/model/RoleAssociation.cpp" line="+113"/>
        <source>No role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DataWorks default role</source>
        <translation>DataWorks 默认角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom role</source>
        <translation>自定义角色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unrecognised configuration</source>
        <translation>无法识别的配置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Custom: %1</source>
        <extracomment>A table cell: %1 is the name of a custom RAM role</extracomment>
        <translation>自定义：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom role %1</source>
        <extracomment>%1 is a RAM role ARN</extracomment>
        <translation>自定义角色 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unrecognised configuration (%1)</source>
        <extracomment>%1 describes a credential configuration RoleDesk did not recognise</extracomment>
        <translation>无法识别的配置（%1）</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>the chain names %1</source>
        <extracomment>%1 lists RAM role ARNs</extracomment>
        <translation>角色链指定了 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>restricted by a session policy</source>
        <translation>受会话策略限制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>role type &quot;user&quot;</source>
        <translation>角色类型“user”</translation>
    </message>
</context>
<context>
    <name>RoleChange</name>
    <message>
        <location filename="../../core/api/RoleChange.cpp" line="+108"/>
        <source>The connection was closed before the change could start.</source>
        <translation>变更开始前连接已关闭。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read environment %1: %2</source>
        <translation>无法读取环境 %1：%2</translation>
    </message>
    <message>
        <location line="+269"/>
        <source>Environment %1 was updated at %2 (UTC), after the copy shown (%3 UTC); nothing was changed.</source>
        <translation>环境 %1 于 %2（UTC）被更新，晚于所显示的副本（%3 UTC）；未做任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not changed: someone else changed environment %1 since it was shown (updated %2 UTC, role now &quot;%3&quot;). Nothing was overwritten: look at it again and retry if the change is still right.</source>
        <translation>未更改：自显示以来，其他人已修改环境 %1（更新于 %2 UTC，当前角色为“%3”）。没有覆盖任何内容：请重新查看，如仍需更改请重试。</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>The role&apos;s trust policy could not be read (%1).</source>
        <translation>无法读取该角色的信任策略（%1）。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>environment %1 (%2)</source>
        <translation>环境 %1（%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+52"/>
        <source>Refused by policy: %1</source>
        <translation>被策略拒绝：%1</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Environment %1 already has this role (%2): nothing to change.</source>
        <translation>环境 %1 已关联此角色（%2）：无需更改。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not confirmed: nothing was changed.</source>
        <translation>未确认：未做任何更改。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+26"/>
        <source>The connection was closed before the change could be written.</source>
        <translation>写入变更前连接已关闭。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot read environment %1 again before writing: %2. Nothing was changed.</source>
        <translation>写入前无法再次读取环境 %1：%2。未做任何更改。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Environment %1 was updated at %2 (UTC) while the change was being confirmed; nothing was changed.</source>
        <translation>确认变更期间，环境 %1 于 %2（UTC）被更新；未做任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not changed: someone else changed environment %1 while you were confirming (updated %2 UTC, role now &quot;%3&quot;). Nothing was overwritten: review it and apply again if your change is still right.</source>
        <translation>未更改：您确认期间，其他人修改了环境 %1（更新于 %2 UTC，当前角色为“%3”）。没有覆盖任何内容：请查看后，如仍需更改请再次应用。</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>The change of %1 failed: %2</source>
        <translation>%1 的变更失败：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Role of %1 (%2) changed: %3 -&gt; %4. It could not be read back (%5): refresh to see it.</source>
        <translation>%1（%2）的角色已更改：%3 -&gt; %4。无法回读（%5）：请刷新查看。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The service accepted the change of %1, but reading it back shows &quot;%2&quot;, not what was sent (&quot;%3&quot;). Check the environment in the DataWorks console; the audit log records this.</source>
        <translation>服务已接受 %1 的变更，但回读显示为“%2”，而非发送的内容（“%3”）。请在 DataWorks 控制台中检查该环境；审计日志已记录此情况。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Role of %1 (%2) changed: %3 -&gt; %4.</source>
        <translation>%1（%2）的角色已更改：%3 -&gt; %4。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No audit log is open.</source>
        <translation>没有打开的审计日志。</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/RoleDialog.cpp" line="+65"/>
        <source>Change RAM role - %1</source>
        <translation>修改 RAM 角色 - %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Public environment warning</source>
        <translation>公开环境警告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;This environment is public in its workspace&lt;/b&gt; (recorded by admins).</source>
        <translation>&lt;b&gt;该环境在其工作空间中是公开的&lt;/b&gt;（由管理员记录）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Everyone who can open a public environment acts with its role&apos;s permissions.</source>
        <translation>所有能打开公开环境的人都会以其角色的权限执行操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RAM role of the environment</source>
        <translation>环境的 RAM 角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DataWorks &amp;default role</source>
        <translation>DataWorks 默认角色(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DataWorks default role</source>
        <translation>DataWorks 默认角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No role creation required. Code in the environment gets the environment owner&apos;s permissions on MaxCompute, Hologres, EMR Serverless Spark, Realtime Compute for Apache Flink and PAI.</source>
        <translation>无需创建角色。环境中的代码将获得环境所有者在 MaxCompute、Hologres、EMR Serverless Spark、实时计算 Flink 版和人工智能平台 PAI 上的权限。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Custom RAM role</source>
        <translation>自定义 RAM 角色(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom RAM role</source>
        <translation>自定义 RAM 角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For services beyond the default role&apos;s scope. The role&apos;s trusted entity must be the Alibaba Cloud service DataWorks (dataworks.aliyuncs.com), and you need the ram:PassRole permission on the role to associate it.</source>
        <translation>用于默认角色范围之外的服务。该角色的可信实体必须是阿里云服务 DataWorks（dataworks.aliyuncs.com），并且您需要拥有该角色的 ram:PassRole 权限才能关联它。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Trust policy check</source>
        <translation>信任策略检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do &amp;Not Associate Role</source>
        <translation>不关联角色(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do Not Associate Role</source>
        <translation>不关联角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment gets no temporary credentials; code uses its own AccessKey pair. The right choice for a public environment.</source>
        <translation>环境不会获得临时凭证；代码使用自己的 AccessKey。这是公开环境的正确选择。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Policy verdict</source>
        <translation>策略结论</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the change keeps and drops</source>
        <translation>此变更保留和丢弃的内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop the &amp;session policy that restricts the current role</source>
        <translation>丢弃限制当前角色的会话策略(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the session policy</source>
        <translation>丢弃会话策略</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+231"/>
        <source>I understand the risk and associate a role with this public environment anyway</source>
        <translation>我了解风险，仍要为这个公开环境关联角色</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Confirm associating a role with a public environment</source>
        <translation>确认为公开环境关联角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reason (goes to the audit log):</source>
        <translation>原因（记入审计日志）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for the override</source>
        <translation>强制覆盖的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+223"/>
        <source>why this public environment needs a role</source>
        <translation>为什么这个公开环境需要角色</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the role change</source>
        <translation>应用角色变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) in workspace %3&lt;br&gt;Owner %4 &amp;middot; status %5 &amp;middot; visibility: %6 &lt;i&gt;(recorded by admins)&lt;/i&gt;&lt;br&gt;Current role: &lt;b&gt;%7&lt;/b&gt; &amp;middot; last updated %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2），所属工作空间 %3&lt;br&gt;所有者 %4 &amp;middot; 状态 %5 &amp;middot; 可见性：%6 &lt;i&gt;（由管理员记录）&lt;/i&gt;&lt;br&gt;当前角色：&lt;b&gt;%7&lt;/b&gt; &amp;middot; 最后更新 %8</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Checking the trust policy of %1 (RAM GetRole)...</source>
        <translation>正在检查 %1 的信任策略（RAM GetRole）...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read the role&apos;s trust policy: %1</source>
        <translation>无法读取角色的信任策略：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>To associate it you need ram:PassRole on %1 (ask an account admin for a policy allowing &quot;ram:PassRole&quot; on that resource).</source>
        <translation>要关联该角色，您需要对 %1 拥有 ram:PassRole 权限（请账号管理员授予允许对该资源执行“ram:PassRole”的策略）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Allowed.</source>
        <translation>允许。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needs your confirmation.</source>
        <translation>需要您确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refused.</source>
        <translation>拒绝。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>I understand the risk and associate a role with this public environment, reachable from the internet, anyway</source>
        <translation>我了解风险，仍要为这个可从公网访问的公开环境关联角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>why this public, internet-reachable environment needs a role</source>
        <translation>这个可从公网访问的公开环境为什么需要角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I understand the risk and associate a role with this environment reachable from the internet anyway</source>
        <translation>我了解风险，仍要为这个可从公网访问的环境关联角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>why this internet-reachable environment needs a role</source>
        <translation>这个可从公网访问的环境为什么需要角色</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot be applied yet:</source>
        <translation>暂时无法应用：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The change keeps:</source>
        <translation>此变更保留：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change drops:</source>
        <translation>此变更丢弃：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to change</source>
        <translation>没有需要修改的内容</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+109"/>
        <source>Nothing to change.</source>
        <translation>没有需要修改的内容。</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>Owner account ID: %1
Last updated %2</source>
        <translation>所有者账号 ID：%1
最后更新 %2</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Applying (re-reading the environment first to make sure nobody changed it)...</source>
        <translation>正在应用（先重新读取环境，确认没有被他人修改）...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not changed: someone else changed this environment since you loaded it (updated %1, role now &quot;%2&quot;). Nothing was overwritten. Review the current state above and apply again if your change is still right.</source>
        <translation>未修改：在您加载之后，其他人修改了该环境（更新于 %1，当前角色为“%2”）。没有覆盖任何内容。请查看上面的当前状态，如果您的修改仍然正确，请再次应用。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The change failed: %1</source>
        <translation>修改失败：%1</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <location filename="../../ui/RolePicker.cpp" line="+33"/>
        <source>Custom role ARN</source>
        <translation>自定义角色 ARN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>acs:ram::&lt;account-id&gt;:role/&lt;role-name&gt;, or pick a role</source>
        <translation>acs:ram::&lt;账号 ID&gt;:role/&lt;角色名称&gt;，或选择一个角色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load roles</source>
        <translation>加载角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the account&apos;s RAM roles</source>
        <translation>加载账号下的 RAM 角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role list status</source>
        <translation>角色列表状态</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the custom role&apos;s ARN, or pick a role from the list.</source>
        <translation>请输入自定义角色的 ARN，或从列表中选择角色。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading the account&apos;s RAM roles (RAM ListRoles)...</source>
        <translation>正在加载账号下的 RAM 角色（RAM ListRoles）...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not list the RAM roles (%1). You can still paste a role ARN.</source>
        <translation>无法列出 RAM 角色（%1）。您仍然可以粘贴角色 ARN。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Trusted by DataWorks (its trust policy names dataworks.aliyuncs.com).</source>
        <translation>受 DataWorks 信任（其信任策略包含 dataworks.aliyuncs.com）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its trust policy does not name DataWorks: environments cannot use it.</source>
        <translation>其信任策略未包含 DataWorks：开发环境无法使用该角色。</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n role(s) in the account</source>
        <translation>
            <numerusform>账号中有 %n 个角色</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, reading their trust policies (%1 of %2)</source>
        <translation>，正在读取其信任策略（%1/%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n trusted by DataWorks (marked)</source>
        <translation>
            <numerusform>，其中 %n 个受 DataWorks 信任（已标记）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, their trust policies could not be read (RAM GetRole refused)</source>
        <translation>，无法读取其信任策略（RAM GetRole 被拒绝）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, none trusted by DataWorks</source>
        <translation>，没有受 DataWorks 信任的角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: pick one or paste an ARN.</source>
        <translation>：请选择一个角色或粘贴 ARN。</translation>
    </message>
</context>
<context>
    <name>RolePolicy</name>
    <message>
        <location filename="../../core/model/RolePolicy.cpp" line="+22"/>
        <source>The environment is %1: another operation is in progress. Wait until it has finished, refresh, and try again.</source>
        <translation>该环境处于%1状态：另一个操作正在进行。请等待其完成、刷新后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The environment is %1: a deleted environment&apos;s role cannot be changed.</source>
        <translation>该环境处于%1状态：已删除环境的角色无法修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment is suspended because the account has an overdue payment. Settle the payment first.</source>
        <translation>由于账号欠费，该环境已被暂停。请先结清欠款。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment&apos;s status is not one RoleDesk knows, so it cannot tell whether the environment can be updated. Refresh, or update RoleDesk.</source>
        <translation>RoleDesk 不认识该环境的状态，因此无法判断环境能否被更新。请刷新，或升级 RoleDesk。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This environment is reachable from the internet (the API reports an enabled internet port forwarding).</source>
        <translation>此环境可从公网访问（API 报告已启用公网端口转发）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This environment is reachable from the internet: the API reports port forwarding to the internet (ports %1).</source>
        <translation>此环境可从公网访问：API 报告有到公网的端口转发（端口 %1）。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>DataWorks guidance: if the individual development environment is set to public in the workspace, do not associate a RAM role with it; select &quot;Do Not Associate Role&quot; to prevent unintended permission leaks, and use an AccessKey pair in code instead.</source>
        <translation>DataWorks 建议：如果个人开发环境在工作空间中设置为公开，请不要为其关联 RAM 角色；请选择“不关联角色”以防止意外的权限泄露，并在代码中改用 AccessKey。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Only the DataWorks default role, a custom role or no role can be requested.</source>
        <translation>只能请求 DataWorks 默认角色、自定义角色或不关联角色。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The environment already has this role; nothing will be changed.</source>
        <translation>该环境已是此角色；不会做任何修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This environment is recorded as public and has a role. Consider removing it.</source>
        <translation>该环境被记录为公开且关联了角色。请考虑取消关联。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It has a role: consider removing it.</source>
        <translation>它关联了角色：请考虑移除。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>It trusts no service and no account.</source>
        <translation>它不信任任何服务和账号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It trusts only accounts (%1).</source>
        <translation>它只信任账号（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It trusts %1.</source>
        <translation>它信任 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The role %1 does not trust the DataWorks service (dataworks.aliyuncs.com). %2 Its trusted entity must be the Alibaba Cloud service DataWorks; edit the role&apos;s trust policy in RAM. The admin who associates it also needs ram:PassRole on the role.</source>
        <translation>角色 %1 不信任 DataWorks 服务（dataworks.aliyuncs.com）。%2 其可信实体必须是阿里云服务 DataWorks；请在 RAM 中编辑该角色的信任策略。关联该角色的管理员还需要拥有该角色的 ram:PassRole 权限。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Besides DataWorks, the role also trusts the account(s) %1: RAM users there may assume it too.</source>
        <translation>除 DataWorks 外，该角色还信任账号 %1：这些账号下的 RAM 用户也可以扮演它。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>RoleDesk could not check the role&apos;s trust policy: make sure its trusted entity is the DataWorks service (dataworks.aliyuncs.com) and that you have ram:PassRole on it.</source>
        <translation>RoleDesk 无法检查该角色的信任策略：请确认其可信实体是 DataWorks 服务（dataworks.aliyuncs.com），并且您拥有该角色的 ram:PassRole 权限。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The environment&apos;s current credential configuration is not one RoleDesk recognises (%1); it will be replaced.</source>
        <translation>该环境当前的凭证配置不是 RoleDesk 能识别的（%1）；它将被替换。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Removing the role (Do Not Associate Role) is always allowed.</source>
        <translation>取消角色关联（不关联角色）总是允许的。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Anyone who reaches it can use the role&apos;s credentials. Prefer &quot;Do Not Associate Role&quot; or turn the internet forwarding off first. To go ahead anyway, confirm and type a reason.</source>
        <translation>任何能访问它的人都可以使用该角色的凭证。建议选择“不关联角色”，或先关闭公网转发。如仍要继续，请确认并填写原因。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This environment is recorded as public in its workspace.</source>
        <translation>该环境在其工作空间中被记录为公开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To go ahead anyway, confirm and type a reason.</source>
        <translation>如仍要继续，请确认并填写原因。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No admin has recorded whether this environment is public. If it is public in its workspace, do not associate a role.</source>
        <translation>尚无管理员记录该环境是否公开。如果它在工作空间中是公开的，请不要关联角色。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Allowed.</source>
        <translation>允许。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed. %1</source>
        <translation>允许。%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs confirmation: %1</source>
        <translation>需要确认：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>This change needs confirmation: %1</source>
        <translation>此变更需要确认：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a reason for going against the guidance; it is kept in the audit log.</source>
        <translation>请填写违背建议的原因；它会保存在审计日志中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The change is refused and cannot be overridden: %1</source>
        <translation>此变更被拒绝，且不能强制覆盖：%1</translation>
    </message>
</context>
<context>
    <name>RoleRequirement</name>
    <message>
        <location filename="../../core/rules/RoleRules.cpp" line="+102"/>
        <source>no role</source>
        <translation>不关联角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the DataWorks default role</source>
        <translation>DataWorks 默认角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the custom role %1</source>
        <translation>自定义角色 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an allowed custom role</source>
        <translation>允许列表中的自定义角色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>RoleSetCommand</name>
    <message>
        <location filename="../../app/cli/RoleSetCommand.cpp" line="+55"/>
        <source>Choose the RAM role of an environment (the DataWorks default, a custom role, or none).</source>
        <translation>选择环境的 RAM 角色（DataWorks 默认角色、自定义角色或不关联角色）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use the DataWorks default role.</source>
        <translation>使用 DataWorks 默认角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this custom RAM role (acs:ram::&lt;account&gt;:role/&lt;name&gt;).</source>
        <translation>使用此自定义 RAM 角色（acs:ram::&lt;账号&gt;:role/&lt;名称&gt;）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Associate no role (what a public environment should use).</source>
        <translation>不关联角色（公开环境应使用此设置）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a role to an environment recorded as public anyway (needs --reason).</source>
        <translation>仍为记录为公开的环境关联角色（需要 --reason）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why (kept in the audit log).</source>
        <translation>原因（保存在审计日志中）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not ask for confirmation.</source>
        <translation>不要求确认。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change only if the environment&apos;s updateTimeMs (from envs show --json) is still this value.</source>
        <translation>仅当环境的 updateTimeMs（来自 envs show --json）仍为此值时才修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drop the session policy that restricts the current custom role (otherwise it is kept, and a change that would lose it is refused).</source>
        <translation>丢弃限制当前自定义角色的会话策略（否则将保留它，会丢失它的变更会被拒绝）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give a role to an environment the API reports as reachable from the internet anyway (needs --reason).</source>
        <translation>仍为 API 报告可从公网访问的环境关联角色（需要 --reason）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After removing or replacing a role, stop the environment and wait until it is Stopped (credentials it already received stay valid until they expire; stopping ends the processes that hold them).</source>
        <translation>移除或替换角色后，停止该环境并等待其进入 Stopped（已获得的凭证在过期前仍然有效；停止会结束持有它们的进程）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --stop: milliseconds between status reads (default 3000).</source>
        <translation>与 --stop 一起使用：两次读取状态之间的毫秒数（默认 3000）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment&apos;s instance id.</source>
        <translation>环境的实例 ID。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>role set needs exactly one instance id.</source>
        <translation>role set 需要且只需要一个实例 ID。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose exactly one of --default, --custom ARN or --none.</source>
        <translation>请在 --default、--custom ARN 和 --none 中只选择一个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--allow-public needs --reason TEXT (it is kept in the audit log).</source>
        <translation>--allow-public 需要 --reason TEXT（它会保存在审计日志中）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--allow-internet needs --reason TEXT (it is kept in the audit log).</source>
        <translation>--allow-internet 需要 --reason TEXT（原因会记录在审计日志中）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--stop-poll-interval takes milliseconds between 1 and 600000.</source>
        <translation>--stop-poll-interval 取 1 到 600000 之间的毫秒数。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--if-update-time takes the updateTimeMs number that envs show --json prints.</source>
        <translation>--if-update-time 需要 envs show --json 输出的 updateTimeMs 数值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>role set changes an environment: pass --yes to confirm when stdin is not a terminal.</source>
        <translation>role set 会修改环境：标准输入不是终端时，请传入 --yes 进行确认。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the audit log %1: %2. No change was made.</source>
        <translation>无法打开审计日志 %1：%2。未做任何修改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot find out who is acting (GetCallerIdentity)</source>
        <translation>无法确定操作人身份（GetCallerIdentity）</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+13"/>
        <source>Nothing was changed.</source>
        <translation>未做任何修改。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>--stop: the environment held no role before this change; it was not stopped.</source>
        <translation>--stop：此次更改前该环境未关联角色；未停止它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop environment %1 (%2) now? Whoever uses it loses unsaved work. [y/N] </source>
        <translation>现在停止环境 %1（%2）吗？正在使用它的人会丢失未保存的工作。[y/N] </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not stopped: environment %1 keeps running.</source>
        <translation>未停止：环境 %1 继续运行。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Environment status: %1</source>
        <translation>环境状态：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Environment %1 is stopped.</source>
        <translation>环境 %1 已停止。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The role was changed, but the environment was not stopped: %1</source>
        <translation>角色已更改，但环境未被停止：%1</translation>
    </message>
    <message>
        <location line="-207"/>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+90"/>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Kept: %1</source>
        <translation>保留：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropped: %1</source>
        <translation>丢弃：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Change the role of %1 (%2) from &quot;%3&quot; to &quot;%4&quot;? [y/N] </source>
        <translation>将 %1（%2）的角色从“%3”改为“%4”？[y/N] </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>To go ahead anyway, pass %1 --reason &quot;why&quot; (kept in the audit log).</source>
        <translation>如仍要继续，请传入 %1 --reason &quot;原因&quot;（会记录在审计日志中）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Environment %1 was changed by someone else since it was read (its UpdateTime differs). Nothing was changed: look at it again with `roledesk-cli envs show %1`, then retry.</source>
        <translation>环境 %1 在读取之后已被他人修改（其 UpdateTime 不同）。未做任何修改：请用 `roledesk-cli envs show %1` 重新查看后重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot change the role of %1</source>
        <translation>无法修改 %1 的角色</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Warning: the change was made but could not be written to the audit log %1: %2</source>
        <translation>警告：变更已完成，但无法写入审计日志 %1：%2</translation>
    </message>
</context>
<context>
    <name>RolesCheckCommand</name>
    <message>
        <location filename="../../app/cli/RolesCommands.cpp" line="+114"/>
        <source>Check whether a RAM role can be an environment&apos;s custom role, and why not.</source>
        <translation>检查某个 RAM 角色能否作为环境的自定义角色，以及不能的原因。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The role, acs:ram::&lt;account-id&gt;:role/&lt;role-name&gt;.</source>
        <translation>角色，格式为 acs:ram::&lt;账号 ID&gt;:role/&lt;角色名称&gt;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>roles check needs exactly one role ARN.</source>
        <translation>roles check 需要且只需要一个角色 ARN。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot read role %1</source>
        <translation>无法读取角色 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 can be an environment&apos;s custom role.</source>
        <translation>%1 可以作为环境的自定义角色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be an environment&apos;s custom role.</source>
        <translation>%1 不能作为环境的自定义角色。</translation>
    </message>
</context>
<context>
    <name>RolesListCommand</name>
    <message>
        <location line="-93"/>
        <source>List the account&apos;s RAM roles and whom they trust.</source>
        <translation>列出账号下的 RAM 角色及其信任对象。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot list the RAM roles</source>
        <translation>无法列出 RAM 角色</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TRUSTS</source>
        <translation>信任对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USABLE FOR ENVIRONMENTS</source>
        <translation>可用于环境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>account %1</source>
        <translation>账号 %1</translation>
    </message>
</context>
<context>
    <name>RuleApplier</name>
    <message>
        <location filename="../../core/rules/RuleApplier.cpp" line="+113"/>
        <source>Re-planned on a fresh read: %1</source>
        <translation>按重新读取的结果重新规划：%1</translation>
    </message>
</context>
<context>
    <name>RulePlan</name>
    <message>
        <location filename="../../core/rules/RulePlan.cpp" line="+11"/>
        <source>rule %1 &quot;%2&quot; (%3)</source>
        <translation>规则 %1“%2”（%3）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No rule matches this environment; it is left as it is.</source>
        <translation>没有规则匹配此环境；保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It has %1, as %2 requires.</source>
        <translation>它已是 %1，符合%2的要求。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 requires %2, but names no single role to change it to: put the role to change to first in any-of, or list only one allowed custom role.</source>
        <translation>%1要求%2，但没有指明要更改为哪一个角色：请把要更改为的角色放在 any-of 的第一位，或在允许列表中只列出一个自定义角色。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 requires %2; it has %3.</source>
        <translation>%1要求%2；它当前是 %3。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A rules file never gives a role to an environment reachable from the internet: turn its internet port forwarding off, or change it on its own with role set --allow-internet and a reason.</source>
        <translation>规则文件从不为可从公网访问的环境关联角色：请关闭其公网端口转发，或使用 role set --allow-internet 并填写原因单独更改它。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The rule overrides this for the environment: %1</source>
        <translation>该规则为此环境做了例外：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A rules file gives a public environment a role only when the rule names the environment (match.environment) and gives a public-override-reason.</source>
        <translation>只有当规则点名该环境（match.environment）并给出 public-override-reason 时，规则文件才会为公开环境关联角色。</translation>
    </message>
</context>
<context>
    <name>RulesFile</name>
    <message>
        <location filename="../../core/rules/RulesFile.cpp" line="+48"/>
        <source>too many errors; the rest are not shown</source>
        <translation>错误过多；其余的不再显示</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a key of %1 must be a plain word; expected one of: %2</source>
        <translation>%1 的键必须是普通单词；应为以下之一：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown key &quot;%1&quot; in %2; expected one of: %3</source>
        <translation>%2 中有未知的键“%1”；应为以下之一：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has no value; expected text</source>
        <translation>%1 没有值；应为文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 must be text, not a %2</source>
        <translation>%1 必须是文本，而不是%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty; expected text</source>
        <translation>%1 为空；应为文本</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is an empty list; expected at least one value</source>
        <translation>%1 是空列表；至少需要一个值</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty value</source>
        <translation>空值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>match must be a mapping of workspace, environment, name, owner, status, visibility, exposure; found a %1</source>
        <translation>match 必须是由 workspace、environment、name、owner、status、visibility、exposure 组成的映射；实际为 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>match</source>
        <translation>match</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unknown status &quot;%1&quot;; expected one of: %2</source>
        <translation>未知状态“%1”；应为以下之一：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown visibility &quot;%1&quot;; expected public, private or unknown</source>
        <translation>未知可见性“%1”；应为 public、private 或 unknown</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown exposure &quot;%1&quot;; expected internet or not-internet</source>
        <translation>未知的 exposure“%1”；应为 internet 或 not-internet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a name or owner pattern is longer than 256 characters</source>
        <translation>名称或所有者模式超过 256 个字符</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected none, default, allowed-custom, {custom: ARN}</source>
        <translation>应为 none、default、allowed-custom、{custom: ARN}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or {any-of: [...]}</source>
        <translation> 或 {any-of: [...]}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>require has no value; %1</source>
        <translation>require 没有值；%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>allowed-custom needs a non-empty allowed-custom-roles list at the top of the file</source>
        <translation>allowed-custom 需要文件顶部有非空的 allowed-custom-roles 列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a custom role is written {custom: %1}</source>
        <translation>自定义角色应写作 {custom: %1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown role &quot;%1&quot;; %2</source>
        <translation>未知角色“%1”；%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a list of roles is written {any-of: [...]}; %1</source>
        <translation>角色列表应写作 {any-of: [...]}；%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a role mapping has exactly one key; %1</source>
        <translation>角色映射只能有一个键；%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the custom role %1 is not in allowed-custom-roles; add it there first</source>
        <translation>自定义角色 %1 不在 allowed-custom-roles 中；请先将其加入</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>any-of needs a non-empty list of roles</source>
        <translation>any-of 需要非空的角色列表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key &quot;%1&quot; in require; %2</source>
        <translation>require 中有未知的键“%1”；%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a rule must be a mapping with name, match and require; found a %1</source>
        <translation>规则必须是包含 name、match 和 require 的映射；实际是%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the rule has no name; every rule needs a unique name</source>
        <translation>规则没有 name；每条规则都需要唯一的名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a rule named &quot;%1&quot; already exists; rule names must be unique</source>
        <translation>名为“%1”的规则已存在；规则名称必须唯一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the rule &quot;%1&quot; has no require; expected the role it requires</source>
        <translation>规则“%1”没有 require；应写明它要求的角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>public-override-reason is only allowed on a rule whose match names its environments (match.environment)</source>
        <translation>只有 match 点名了环境（match.environment）的规则才能使用 public-override-reason</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file is empty; expected version: 1 and a rules list</source>
        <translation>文件为空；应包含 version: 1 和 rules 列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file must be a mapping with version and rules; found a %1</source>
        <translation>文件必须是包含 version 和 rules 的映射；实际是%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version is missing; expected version: 1</source>
        <translation>缺少 version；应为 version: 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unsupported version &quot;%1&quot;; expected 1</source>
        <translation>不支持的版本“%1”；应为 1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>rules is missing; expected a list of rules</source>
        <translation>缺少 rules；应为规则列表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rules must be a list of rules; found a %1</source>
        <translation>rules 必须是规则列表；实际是%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+37"/>
        <source>the file is larger than %1 bytes; a rules file is expected to be small</source>
        <translation>文件大于 %1 字节；规则文件应当很小</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file could not be read as YAML: %1</source>
        <translation>无法将文件读取为 YAML：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot open the rules file: %1</source>
        <translation>无法打开规则文件：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the rules file: %1</source>
        <translation>无法读取规则文件：%1</translation>
    </message>
</context>
<context>
    <name>SandboxServeCommand</name>
    <message>
        <location filename="../../app/cli/SandboxServeCommand.cpp" line="+40"/>
        <source>Serve the simulated DataWorks workspace on 127.0.0.1 until interrupted.</source>
        <translation>在 127.0.0.1 上提供模拟的 DataWorks 工作空间，直到被中断。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port on 127.0.0.1 (default: any free port).</source>
        <translation>127.0.0.1 上的端口（默认：任意空闲端口）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed JSON file (default: the shipped workspace).</source>
        <translation>种子 JSON 文件（默认：随附的工作空间）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve exactly N environments: the seed&apos;s, then generated ones.</source>
        <translation>提供正好 N 个环境：先是种子中的，其余自动生成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lifetime of the STS credentials the environments hand out (default 3600).</source>
        <translation>环境所提供的 STS 临时凭证的有效期（默认 3600）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the state in FILE: loaded when it exists, saved on change and on exit.</source>
        <translation>将状态保存在 FILE 中：存在时加载，变更时和退出时保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fault: cut this share (0-1) of successful answers in half.</source>
        <translation>故障：将此比例（0-1）的成功应答截掉一半。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault: the credentials services answer 503 from START to END seconds after start.</source>
        <translation>故障：凭证服务在启动后第 START 到 END 秒之间应答 503。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long Starting, Stopping, ... last (default 3000).</source>
        <translation>Starting、Stopping 等状态持续的时间（默认 3000）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reject a DataWorks parameter sent where the official SDK does not put it (query string or form body).</source>
        <translation>拒绝未按官方 SDK 位置（查询字符串或表单正文）发送的 DataWorks 参数。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid %1 &quot;%2&quot;: expected a whole number from %3 to %4.</source>
        <translation>无效的 %1“%2”：应为 %3 到 %4 之间的整数。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid %1 &quot;%2&quot;: expected a number from 0 to 1.</source>
        <translation>无效的 %1“%2”：应为 0 到 1 之间的数。</translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <location filename="../../app/cli/ServeCommand.cpp" line="+16"/>
        <source>Serve STS credentials on 127.0.0.1 at an unguessable URI, for ALIBABA_CLOUD_CREDENTIALS_URI.</source>
        <translation>在 127.0.0.1 上以不可猜测的 URI 提供 STS 临时凭证，供 ALIBABA_CLOUD_CREDENTIALS_URI 使用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listen on this port (default 0: any free port).</source>
        <translation>监听此端口（默认 0：任意空闲端口）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--port takes 0 to 65535.</source>
        <translation>--port 的取值为 0 到 65535。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Serving credentials of %1 until interrupted (Ctrl-C). Point programs at it with ALIBABA_CLOUD_CREDENTIALS_URI.</source>
        <translation>正在提供 %1 的凭证，直到被中断（Ctrl-C）。请用 ALIBABA_CLOUD_CREDENTIALS_URI 将程序指向它。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/Session.cpp" line="+80"/>
        <source>unknown caller (%1)</source>
        <translation>未知调用者（%1）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="+34"/>
        <source>RoleDesk Settings</source>
        <translation>RoleDesk 设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings sections</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default public endpoint</source>
        <translation>默认公网接入地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Endpoint for every service</source>
        <translation>所有服务的接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One URL that serves every API (a private gateway or the sandbox). Plain HTTP is accepted only for loopback addresses.</source>
        <translation>一个提供所有 API 的 URL（私有网关或沙箱）。只有环回地址才接受明文 HTTP。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Endpoint (all services):</source>
        <translation>接入地址（所有服务）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DataWorks endpoint</source>
        <translation>DataWorks 接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DataWorks endpoint:</source>
        <translation>DataWorks 接入地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS endpoint</source>
        <translation>STS 接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS endpoint:</source>
        <translation>STS 接入地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM endpoint</source>
        <translation>RAM 接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RAM endpoint:</source>
        <translation>RAM 接入地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MaxCompute endpoint</source>
        <translation>MaxCompute 接入地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MaxCompute endpoint:</source>
        <translation>MaxCompute 接入地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>system proxy settings</source>
        <translation>系统代理设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>http://host:port. Never used for loopback or link-local addresses. A password in the URL is not saved.</source>
        <translation>http://主机:端口。环回地址和链路本地地址从不使用代理。URL 中的密码不会被保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$SSL_CERT_FILE, else the system&apos;s certificates</source>
        <translation>$SSL_CERT_FILE，否则使用系统证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PEM file of extra certificate authorities for every HTTPS connection (a TLS-inspecting corporate proxy). Applies from the next start.</source>
        <translation>用于所有 HTTPS 连接的额外证书颁发机构的 PEM 文件（会检查 TLS 流量的企业代理）。下次启动时生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA &amp;bundle:</source>
        <translation>CA 证书包(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Refresh before expiry, minutes</source>
        <translation>过期前多少分钟刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh &amp;before expiry:</source>
        <translation>过期前刷新(&amp;B)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warn before expiry, minutes</source>
        <translation>过期前多少分钟提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warn before expiry:</source>
        <translation>过期前提醒(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AccessKey secrets are kept only in the OS keychain, never in RoleDesk&apos;s settings file. Prefer short-lived credentials where you can.</source>
        <translation>AccessKey Secret 只保存在系统密钥环中，绝不写入 RoleDesk 的设置文件。请尽可能使用短期凭证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stored AccessKey pairs</source>
        <translation>已保存的 AccessKey</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AccessKey pair label</source>
        <translation>AccessKey 标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKey ID</source>
        <translation>AccessKey ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AccessKey secret</source>
        <translation>AccessKey Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store in keychain</source>
        <translation>保存到密钥环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the AccessKey pair in the OS keychain</source>
        <translation>将 AccessKey 保存到系统密钥环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected AccessKey pair</source>
        <translation>删除所选的 AccessKey</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keychain status</source>
        <translation>密钥环状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AccessKey pairs</source>
        <translation>AccessKey</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies after a restart.</source>
        <translation>新语言将在重启后生效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Enter a label, the AccessKey ID and the secret.</source>
        <translation>请输入标签、AccessKey ID 和 Secret。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storing in the OS keychain...</source>
        <translation>正在保存到系统密钥环...</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The OS keychain did not answer within %n second(s); nothing was stored. Unlock the keyring (its password prompt may be behind another window) and press Add again.</source>
        <translation>
            <numerusform>系统密钥环在 %n 秒内没有应答；没有保存任何内容。请解锁密钥环（其密码提示可能在其他窗口后面），然后再次点击添加。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stored &quot;%1&quot; in the OS keychain.</source>
        <translation>已将“%1”保存到系统密钥环。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Removed &quot;%1&quot; from the OS keychain.</source>
        <translation>已从系统密钥环中删除“%1”。</translation>
    </message>
</context>
<context>
    <name>StsClient</name>
    <message>
        <location filename="../../core/api/StsClient.cpp" line="+31"/>
        <source>The role session name &quot;%1&quot; is invalid: use 2 to 64 characters of letters, digits and . @ - _</source>
        <translation>角色会话名称“%1”无效：请使用 2 到 64 个字母、数字或 . @ - _ 字符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AssumeRole needs a role ARN (acs:ram::&lt;account-id&gt;:role/&lt;role-name&gt;).</source>
        <translation>AssumeRole 需要角色 ARN（acs:ram::&lt;账号 ID&gt;:role/&lt;角色名称&gt;）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session duration %1 s is out of range: use 900 to 43200 seconds (and at most the role&apos;s maximum session duration).</source>
        <translation>会话有效期 %1 秒超出范围：请使用 900 到 43200 秒（且不超过角色的最大会话时间）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session policy is %1 characters long; STS accepts at most 2048.</source>
        <translation>会话策略长度为 %1 个字符；STS 最多接受 2048 个。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The AssumeRole answer carries no complete credential (AccessKeyId, AccessKeySecret, SecurityToken, Expiration).</source>
        <translation>AssumeRole 应答中没有完整的凭证（AccessKeyId、AccessKeySecret、SecurityToken、Expiration）。</translation>
    </message>
</context>
<context>
    <name>StsLocation</name>
    <message>
        <location filename="../../core/credentials/StsLocation.cpp" line="+22"/>
        <source>the profile&apos;s sts_endpoint</source>
        <translation>配置的 sts_endpoint</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the profile&apos;s sts_region</source>
        <translation>配置的 sts_region</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the profile&apos;s VPC setting</source>
        <translation>配置的 VPC 设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the default; no STS region or endpoint is set</source>
        <translation>默认值；未设置 STS 地域或端点</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The STS region &quot;%1&quot; (from %2) is not a region id such as cn-hangzhou.</source>
        <translation>STS 地域“%1”（来自 %2）不是地域 ID，例如 cn-hangzhou。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The STS endpoint &quot;%1&quot; (from %2) is not a host name or an http(s) URL.</source>
        <translation>STS 端点“%1”（来自 %2）不是主机名或 http(s) URL。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refusing plain HTTP to the STS endpoint %1 (from %2): the request carries credentials or an OIDC token. Use https:// or a host name.</source>
        <translation>拒绝以明文 HTTP 访问 STS 端点 %1（来自 %2）：请求携带凭证或 OIDC 令牌。请使用 https:// 或主机名。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 (from %2)</source>
        <translation>%1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <location filename="../../ui/TimeText.cpp" line="+38"/>
        <source>does not expire</source>
        <translation>不会过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <extracomment>a countdown in seconds, shown only in the last minute</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min</source>
        <extracomment>a coarse countdown in minutes</extracomment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 days</source>
        <extracomment>a coarse countdown in days</extracomment>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <extracomment>a coarse countdown: hours and minutes</extracomment>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>TrustPolicy</name>
    <message>
        <location filename="../../core/model/TrustPolicy.cpp" line="+68"/>
        <source>The trust policy is not valid JSON (%1 at character %2).</source>
        <translation>信任策略不是有效的 JSON（%1，位于第 %2 个字符）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trust policy is not a JSON object.</source>
        <translation>信任策略不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The trust policy has no Statement list.</source>
        <translation>信任策略没有 Statement 列表。</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>The role trusts the DataWorks service (dataworks.aliyuncs.com), so it can be associated with an individual development environment.</source>
        <translation>该角色信任 DataWorks 服务（dataworks.aliyuncs.com），因此可以关联到个人开发环境。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The role does not trust the DataWorks service (dataworks.aliyuncs.com), so DataWorks cannot use it for an individual development environment. Its trusted entity must be the Alibaba Cloud service DataWorks.</source>
        <translation>该角色不信任 DataWorks 服务（dataworks.aliyuncs.com），因此 DataWorks 无法将它用于个人开发环境。其可信实体必须是阿里云服务 DataWorks。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It also trusts these services: %1.</source>
        <translation>它还信任以下服务：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It trusts every Alibaba Cloud account (&quot;*&quot;): anyone allowed to call sts:AssumeRole on it can assume it.</source>
        <translation>它信任所有阿里云账号（“*”）：任何有权对它调用 sts:AssumeRole 的人都可以扮演它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It trusts the account(s) %1: RAM users and roles there that are allowed to call sts:AssumeRole can assume it.</source>
        <translation>它信任账号 %1：这些账号下有权调用 sts:AssumeRole 的 RAM 用户和角色可以扮演它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It trusts no account, so RAM users cannot assume it with AssumeRole.</source>
        <translation>它不信任任何账号，因此 RAM 用户无法通过 AssumeRole 扮演它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some statements have conditions, which RoleDesk does not evaluate.</source>
        <translation>部分语句带有条件，RoleDesk 不会对条件求值。</translation>
    </message>
</context>
<context>
    <name>UriCredentialProvider</name>
    <message>
        <location filename="../../core/credentials/UriCredentialProvider.cpp" line="+28"/>
        <source>credentials URI (not set)</source>
        <translation>凭证服务地址（未设置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credentials URI %1</source>
        <translation>凭证服务地址 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is empty or not set and no URL was given. Inside a DataWorks individual development environment it is set for you; elsewhere pass --uri or use another source.</source>
        <translation>没有凭证服务地址：ALIBABA_CLOUD_CREDENTIALS_URI 为空或未设置，且未提供 URL。在 DataWorks 个人开发环境中它会自动设置；在其他地方请传入 --uri 或使用其他来源。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The credentials URI is not a valid http(s) URL. Check the value of ALIBABA_CLOUD_CREDENTIALS_URI or --uri.</source>
        <translation>凭证服务地址不是有效的 http(s) URL。请检查 ALIBABA_CLOUD_CREDENTIALS_URI 或 --uri 的值。</translation>
    </message>
</context>
<context>
    <name>Visibility</name>
    <message>
        <location filename="../../core/model/Visibility.cpp" line="+41"/>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recorded</source>
        <extracomment>No admin has recorded whether the environment is public or private</extracomment>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>VisibilityImportCommand</name>
    <message>
        <location filename="../../app/cli/VisibilityCommands.cpp" line="+91"/>
        <source>Import public/private records from a JSON (as the sandbox writes it) or CSV file.</source>
        <translation>从 JSON（沙箱写出的格式）或 CSV 文件导入公开/私有记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print JSON instead of text.</source>
        <translation>输出 JSON，而不是文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A .json or .csv file.</source>
        <translation>.json 或 .csv 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Usage: roledesk-cli visibility import FILE</source>
        <translation>用法：roledesk-cli visibility import FILE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot import %1: no such file.</source>
        <translation>无法导入 %1：文件不存在。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: %1 has errors. Fix them and import again:</source>
        <translation>未导入任何内容：%1 有错误。请修正后重新导入：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported %1: %2 entries, %3 changed.</source>
        <translation>已导入 %1：%2 条记录，%3 条有变化。</translation>
    </message>
</context>
<context>
    <name>VisibilitySetCommand</name>
    <message>
        <location line="-79"/>
        <source>Record whether an environment is public or private in its workspace.</source>
        <translation>记录环境在其工作空间中是公开还是私有。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print JSON instead of text.</source>
        <translation>输出 JSON，而不是文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The environment&apos;s instance id.</source>
        <translation>环境的实例 ID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its visibility (&quot;unknown&quot; removes the record).</source>
        <translation>其可见性（“unknown”会删除记录）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: roledesk-cli visibility set ID public|private</source>
        <translation>用法：roledesk-cli visibility set ID public|private</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cannot save RoleDesk&apos;s visibility records %1: %2</source>
        <translation>无法保存 RoleDesk 的可见性记录 %1：%2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Environment %1 recorded as %2.</source>
        <translation>环境 %1 已记录为 %2。</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Cannot read RoleDesk&apos;s visibility records %1: %2</source>
        <translation>无法读取 RoleDesk 的可见性记录 %1：%2</translation>
    </message>
</context>
<context>
    <name>VisibilityStore</name>
    <message>
        <location filename="../../core/model/VisibilityStore.cpp" line="+175"/>
        <source>text after a closing quote; put the whole field in quotes and write a quote inside it as &quot;&quot;</source>
        <translation>右引号后还有文本；请用引号括起整个字段，字段内的引号写作 &quot;&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a quoted field is not closed; add the missing &quot;</source>
        <translation>带引号的字段没有结束；请补上缺少的 &quot;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot read the visibility records %1: %2.</source>
        <translation>无法读取可见性记录 %1：%2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visibility records %1 are damaged (line %2: %3). Restore the file from a backup or import the records again.</source>
        <translation>可见性记录 %1 已损坏（第 %2 行：%3）。请从备份恢复该文件，或重新导入记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot create the folder %1 for the visibility records.</source>
        <translation>无法为可见性记录创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write the visibility records %1: %2.</source>
        <translation>无法写入可见性记录 %1：%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the visibility records %1: %2. The previous file is unchanged.</source>
        <translation>无法保存可见性记录 %1：%2。原文件保持不变。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, line %2: not valid JSON (%3). Fix the syntax; the expected form is {&quot;environments&quot;:[{&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;}]}.</source>
        <translation>%1，第 %2 行：不是有效的 JSON（%3）。请修正语法；预期格式为 {&quot;environments&quot;:[{&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;}]}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line 1: no &quot;environments&quot; list. The expected form is {&quot;environments&quot;:[{&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;}]}.</source>
        <translation>%1，第 1 行：没有“environments”列表。预期格式为 {&quot;environments&quot;:[{&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;}]}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1, line %2 (entry %3): an entry must be an object like {&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;}.</source>
        <translation>%1，第 %2 行（第 %3 项）：每一项必须是形如 {&quot;instanceId&quot;:&quot;...&quot;,&quot;visibility&quot;:&quot;public&quot;} 的对象。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1, line %2: %3.</source>
        <translation>%1，第 %2 行：%3。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line 1: the file is empty. Start with the header line &quot;instanceId,visibility&quot;.</source>
        <translation>%1，第 1 行：文件为空。请以标题行“instanceId,visibility”开头。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1, line %2: the header must name the columns instanceId and visibility, for example &quot;instanceId,visibility&quot;; found &quot;%3&quot;.</source>
        <translation>%1，第 %2 行：标题行必须列出 instanceId 和 visibility 两列，例如“instanceId,visibility”；实际为“%3”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, line %2: expected %3 columns, found %4. Each line needs an instance id and a visibility, separated by a comma.</source>
        <translation>%1，第 %2 行：应有 %3 列，实际为 %4 列。每行需要一个实例 ID 和一个可见性，以逗号分隔。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read %1: %2. Check the path and permissions.</source>
        <translation>无法读取 %1：%2。请检查路径和权限。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, line %2: the instance id is missing. Give the environment&apos;s InstanceId, e.g. 699573.</source>
        <translation>%1，第 %2 行：缺少实例 ID。请填写环境的 InstanceId，例如 699573。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, line %2: the instance id &quot;%3&quot; contains spaces; give one InstanceId per entry.</source>
        <translation>%1，第 %2 行：实例 ID“%3”包含空格；每项只能填写一个 InstanceId。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, line %2: the visibility &quot;%3&quot; is not valid; write public, private or unknown.</source>
        <translation>%1，第 %2 行：可见性“%3”无效；请填写 public、private 或 unknown。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, line %2: %3 is already listed as %4 on line %5; keep one line per environment.</source>
        <translation>%1，第 %2 行：%3 已在第 %5 行列为 %4；每个环境只保留一行。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+67"/>
        <source>Review and set the RAM roles of DataWorks individual development environments, and inspect the credentials they hand out.</source>
        <translation>查看和设置 DataWorks 个人开发环境的 RAM 角色，并检查它们提供的凭证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run on an in-process sandbox (no cloud account needed).</source>
        <translation>在进程内沙箱上运行（无需云账号）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --sandbox: generate this many environments (scale demos).</source>
        <translation>与 --sandbox 一起使用：生成这么多个环境（用于规模演示）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the credential inspector, for a developer inside an environment.</source>
        <translation>只打开凭证检查器，供环境内的开发者使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --inspect: a credentials URI.</source>
        <translation>与 --inspect 一起使用：凭证服务地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --inspect: a credentials file.</source>
        <translation>与 --inspect 一起使用：凭证文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this rules file (YAML, see docs/RULES.md): the Rules column shows which environments deviate. Without it, the rules file opened last.</source>
        <translation>打开此规则文件（YAML，见 docs/RULES.md）：“规则”列显示哪些环境有偏差。不指定时，打开上次打开的规则文件。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTPS uses the system&apos;s certificates only. Fix it in Settings &gt; Connection.</source>
        <translation>HTTPS 仅使用系统证书。请在“设置 &gt; 连接”中修正。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>sandbox admin AccessKey</source>
        <translation>沙箱管理员 AccessKey</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sandbox admin key</source>
        <translation>沙箱管理员密钥</translation>
    </message>
</context>
</TS>
