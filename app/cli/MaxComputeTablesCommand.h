#pragma once

#include <QCoreApplication>

#include "CliCommand.h"

// roledesk-cli maxcompute tables --project P [--maxcompute-endpoint URL] [--prefix NAME] [global options]: the
// tables of a MaxCompute project, with the chosen source's credential (what step 3 of the product page does with
// pyodps). --maxcompute-endpoint is the API root (https://service.cn-hangzhou.maxcompute.aliyun.com/api); by
// default <--endpoint>/api or the region's public endpoint. JSON: an array of {"name", "tableId", "owner",
// "comment", "creationTime", "lastModifiedTime"}.
class MaxComputeTablesCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(MaxComputeTablesCommand)

public:
    QStringList path() const override { return {QStringLiteral("maxcompute"), QStringLiteral("tables")}; }
    QString summary() const override;
    int run(const CliInvocation& invocation) override;
};
