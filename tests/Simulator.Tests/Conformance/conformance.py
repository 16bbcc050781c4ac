"""Drives the AWS simulator with boto3 (Debian's python3-boto3), a client this project did not
write, and prints what it saw as JSON for the C# test to compare with the simulator's own data.
Argument: a JSON object with endpoint, keys and the accounts to use."""
import json
import sys
import urllib.request

import boto3
import botocore.config
from botocore.exceptions import ClientError

args = json.loads(sys.argv[1])
endpoint = args["endpoint"]
no_retry = botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 1})
out = {"errors": {}}


def client(service, key, secret, token=None, region="us-east-1", config=no_retry):
    return boto3.client(service, endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=config)


def error_of(name, call):
    try:
        call()
        out["errors"][name] = "no error"
    except ClientError as e:
        out["errors"][name] = {"code": e.response["Error"]["Code"],
                               "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


def session(sts, role_arn, name="conformance"):
    c = sts.assume_role(RoleArn=role_arn, RoleSessionName=name)["Credentials"]
    return c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]


hub_key, hub_secret = args["hubKeyId"], args["hubSecret"]
sts = client("sts", hub_key, hub_secret)
out["callerIdentity"] = sts.get_caller_identity()["Account"]

# Authentication failures, per protocol.
error_of("stsWrongSecret", lambda: client("sts", hub_key, hub_secret + "x").get_caller_identity())
error_of("stsUnknownKey", lambda: client("sts", "AKIAUNKNOWN000000000", hub_secret).get_caller_identity())
error_of("configWrongSecret", lambda: client("config", hub_key, hub_secret + "x").describe_config_rules())
error_of("configUnknownKey", lambda: client("config", "AKIAUNKNOWN000000000", hub_secret).describe_config_rules())
error_of("organizationsUnknownKey", lambda: client("organizations", "AKIAUNKNOWN000000000", hub_secret).list_roots())

# IAM model.
mgmt = args["managementAccountId"]
list_org_arn = f"arn:aws:iam::{mgmt}:role/system-config-report-generator-list-org-role"
read_arn = "arn:aws:iam::{}:role/system-config-report-generator-read-role"
error_of("assumeDenied", lambda: sts.assume_role(RoleArn=read_arn.format(args["deniedAccountId"]), RoleSessionName="x1"))
error_of("assumeSuspended", lambda: sts.assume_role(RoleArn=read_arn.format(args["suspendedAccountId"]), RoleSessionName="x1"))
error_of("assumeTooLong", lambda: sts.assume_role(RoleArn=list_org_arn, RoleSessionName="x1", DurationSeconds=7200))
error_of("assumeListOrgInMember", lambda: sts.assume_role(
    RoleArn=f"arn:aws:iam::{args['accountId']}:role/system-config-report-generator-list-org-role", RoleSessionName="x1"))
error_of("hubCallsOrganizations", lambda: client("organizations", hub_key, hub_secret).list_accounts())
out["hubDescribesOrganization"] = client("organizations", hub_key, hub_secret).describe_organization()["Organization"]["Id"]
error_of("hubCallsConfig", lambda: client("config", hub_key, hub_secret).describe_config_rules())

# Organizations with the list-org session: everything through paginators (empty pages included).
org_creds = session(sts, list_org_arn)
org = client("organizations", *org_creds)
out["organization"] = org.describe_organization()["Organization"]["MasterAccountId"]
roots = org.list_roots()["Roots"]
out["rootId"] = roots[0]["Id"]
out["accounts"] = [{"id": a["Id"], "name": a["Name"], "email": a["Email"], "status": a["Status"]}
                   for p in org.get_paginator("list_accounts").paginate() for a in p["Accounts"]]
out["listAccountsPageSizes"] = [len(p["Accounts"]) for p in org.get_paginator("list_accounts").paginate(
    PaginationConfig={"PageSize": 7})]
parents = {}
ou_paths = {}
pending = [(roots[0]["Id"], "Root")]
while pending:
    parent, path = pending.pop()
    for p in org.get_paginator("list_accounts_for_parent").paginate(ParentId=parent):
        for a in p["Accounts"]:
            parents[a["Id"]] = path
    for p in org.get_paginator("list_organizational_units_for_parent").paginate(ParentId=parent):
        for ou in p["OrganizationalUnits"]:
            ou_paths[ou["Id"]] = path + "/" + ou["Name"]
            pending.append((ou["Id"], path + "/" + ou["Name"]))
out["accountOuPaths"] = parents
out["ouDepth"] = max(p.count("/") for p in ou_paths.values())
error_of("organizationsMaxResults21", lambda: org.list_accounts(MaxResults=21))
error_of("organizationsBadToken", lambda: org.list_accounts(NextToken="not-a-token"))
error_of("organizationsUnknownParent", lambda: org.list_accounts_for_parent(ParentId="ou-abcd-12345678"))
error_of("listOrgCallsConfig", lambda: client("config", *org_creds).describe_config_rules())

# Config in one account, every region: rules, compliance, all NON_COMPLIANT details, names and tags.
read_creds = session(sts, read_arn.format(args["accountId"]))
error_of("readCallsOrganizations", lambda: client("organizations", *read_creds).list_accounts())
out["regions"] = {}
for region in args["regions"]:
    cfg = client("config", *read_creds, region=region)
    rules = [r["ConfigRuleName"] for p in cfg.get_paginator("describe_config_rules").paginate() for r in p["ConfigRules"]]
    compliance = {c["ConfigRuleName"]: c["Compliance"]["ComplianceType"]
                  for p in cfg.get_paginator("describe_compliance_by_config_rule").paginate()
                  for c in p["ComplianceByConfigRules"]}
    findings = []
    for rule, kind in compliance.items():
        if kind != "NON_COMPLIANT":
            continue
        for p in cfg.get_paginator("get_compliance_details_by_config_rule").paginate(
                ConfigRuleName=rule, ComplianceTypes=["NON_COMPLIANT"], PaginationConfig={"PageSize": 100}):
            for e in p["EvaluationResults"]:
                q = e["EvaluationResultIdentifier"]["EvaluationResultQualifier"]
                findings.append({"rule": q["ConfigRuleName"], "type": q["ResourceType"], "id": q["ResourceId"],
                                 "annotation": e.get("Annotation"), "compliance": e["ComplianceType"],
                                 "recorded": e["ResultRecordedTime"].timestamp()})
    keys = sorted({(f["type"], f["id"]) for f in findings})
    resources = {}
    unprocessed_seen = 0
    for i in range(0, len(keys), 100):
        batch = [{"resourceType": t, "resourceId": r} for t, r in keys[i:i + 100]]
        while batch:
            answer = cfg.batch_get_resource_config(resourceKeys=batch)
            for item in answer["baseConfigurationItems"]:
                tags = {t["Key"]: t["Value"] for t in json.loads(item["configuration"]).get("Tags", [])}
                resources[item["resourceType"] + "|" + item["resourceId"]] = {"name": item.get("resourceName"), "tags": tags}
            batch = answer["unprocessedResourceKeys"]
            unprocessed_seen += len(batch)
    for f in findings:
        resource = resources.get(f["type"] + "|" + f["id"], {})
        f["name"] = resource.get("name")
        f["tags"] = resource.get("tags")
    # A rule with many results, read 10 at a time (the default Limit) with every compliance type.
    default_pages = list(cfg.get_paginator("get_compliance_details_by_config_rule").paginate(ConfigRuleName=args["busiestRule"][region]))
    recorders = cfg.describe_configuration_recorder_status()["ConfigurationRecordersStatus"]
    out["regions"][region] = {
        "rules": rules, "compliance": compliance, "findings": findings, "unprocessedSeen": unprocessed_seen,
        "recorders": [r["name"] for r in recorders if r["recording"]],
        "defaultPageSizes": [len(p["EvaluationResults"]) for p in default_pages],
        "defaultPageTypes": sorted({e["ComplianceType"] for p in default_pages for e in p["EvaluationResults"]}),
    }

cfg = client("config", *read_creds, region=args["regions"][0])
any_rule = out["regions"][args["regions"][0]]["rules"][0]
error_of("configRuleNames26", lambda: cfg.describe_config_rules(ConfigRuleNames=[any_rule] * 26))
error_of("complianceRuleNames26", lambda: cfg.describe_compliance_by_config_rule(ConfigRuleNames=[any_rule] * 26))
error_of("limit101", lambda: cfg.get_compliance_details_by_config_rule(ConfigRuleName=any_rule, Limit=101))
error_of("unknownRule", lambda: cfg.get_compliance_details_by_config_rule(ConfigRuleName="no-such-rule"))
error_of("describeUnknownRule", lambda: cfg.describe_config_rules(ConfigRuleNames=["no-such-rule"]))
error_of("badNextToken", lambda: cfg.get_compliance_details_by_config_rule(ConfigRuleName=any_rule, NextToken="bogus"))
error_of("badComplianceType", lambda: cfg.get_compliance_details_by_config_rule(
    ConfigRuleName=any_rule, ComplianceTypes=["INSUFFICIENT_DATA"]))
error_of("batch101", lambda: cfg.batch_get_resource_config(
    resourceKeys=[{"resourceType": "AWS::S3::Bucket", "resourceId": f"b{i}"} for i in range(101)]))
error_of("unknownRecorder", lambda: cfg.describe_configuration_recorder_status(ConfigurationRecorderNames=["other"]))

# The account whose region has no recorder.
nocfg_creds = session(sts, read_arn.format(args["noConfigAccountId"]))
nocfg = client("config", *nocfg_creds, region=args["noConfigRegion"])
out["noConfigRecorders"] = nocfg.describe_configuration_recorder_status()["ConfigurationRecordersStatus"]
out["noConfigRules"] = nocfg.describe_config_rules()["ConfigRules"]
error_of("noConfigBatch", lambda: nocfg.batch_get_resource_config(
    resourceKeys=[{"resourceType": "AWS::S3::Bucket", "resourceId": "b"}]))

# Expiry: move the simulator's clock past the session lifetime (one hour by default).
urllib.request.urlopen(urllib.request.Request(endpoint + "/_sim/advance-clock?seconds=3700", method="POST")).read()
error_of("expiredConfig", lambda: cfg.describe_config_rules())
error_of("expiredOrganizations", lambda: org.list_roots())
error_of("expiredSts", lambda: client("sts", *read_creds).get_caller_identity())

print(json.dumps(out))
