#pragma once

#include "credentials/CredentialContext.h"

#include <QUrl>

// Where STS is reached for a credential that calls it (OIDC, and whatever else asks), decided in one place as the
// official libraries decide it: the profile's sts_endpoint, else ALIBABA_CLOUD_STS_ENDPOINT, else a region (the
// profile's sts_region, else ALIBABA_CLOUD_STS_REGION) as sts.<region>.aliyuncs.com, or sts-vpc.<region>.aliyuncs.com
// when the profile asks for the VPC endpoint (enable_vpc, endpoint_type "vpc") or
// ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true; else the global sts.aliyuncs.com. An endpoint without a scheme is HTTPS;
// plain HTTP only to a loopback address (the sandbox, a local gateway in tests).
struct StsLocation
{
    QString profileRegion;
    QString profileEndpoint;
    bool profileVpc = false;

    // The endpoint's root URL ("https://sts.cn-hangzhou.aliyuncs.com/"); invalid with *error set when an endpoint
    // given is not a host or an http(s) URL.
    QUrl resolve(const CredentialContext& context, QString* error) const;
    // True when the profile or the environment names an STS region or endpoint (otherwise a front end may use its
    // own: the connection's region, the sandbox, a gateway).
    bool isSet(const CredentialContext& context) const;
    // For every path that calls STS AssumeRole (profiles, INI sections, `serve`/`exec --role-arn`): sets
    // spec->stsEndpoint when the profile or the environment names a location (left empty otherwise: the front end's
    // endpoints). False with *error when the location named is unusable; nothing is sent then.
    bool applyTo(RoleArnSpec* spec, const CredentialContext& context, QString* error) const;
    // Plain words for doctor: "sts-vpc.cn-shanghai.aliyuncs.com (from ALIBABA_CLOUD_STS_REGION and
    // ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED)".
    QString explain(const CredentialContext& context) const;
};
