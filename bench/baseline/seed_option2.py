"""The seed's recommended design (Option 2), written faithfully as the baseline for bench/ScanBench.

One process, concurrent.futures.ThreadPoolExecutor(max_workers=20); each thread takes one account
and scans it sequentially: assume the read role, then per region the same AWS Config calls as the
product's reader (recorder status, DescribeComplianceByConfigRule pages, for every NON_COMPLIANT
rule GetComplianceDetailsByConfigRule NON_COMPLIANT pages of 100, BatchGetResourceConfig in
batches of 100 keys). botocore's default retry configuration (legacy mode, 5 attempts), as the seed
would have run it. Runs under Debian's /usr/bin/python3 with python3-boto3.

Usage: seed_option2.py ENDPOINT HUB_KEY_ID HUB_SECRET MANAGEMENT_ACCOUNT_ID REGIONS(comma) FINDINGS_OUT
Writes one finding per line (account, region, rule, resource type, resource id; tab-separated) to
FINDINGS_OUT and prints one JSON line of totals on stdout.
"""
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.exceptions import ClientError

LIST_ORG_ROLE = "system-config-report-generator-list-org-role"
READ_ROLE = "system-config-report-generator-read-role"

endpoint, hub_key, hub_secret, management, regions_arg, out_path = sys.argv[1:7]
regions = regions_arg.split(",")
calls_lock = threading.Lock()
calls = {"config": 0}


def session_client(service, credentials=None, region="us-east-1"):
    # A Session per use: boto3's default session is not safe to create clients from in many threads.
    session = boto3.session.Session()
    kwargs = {}
    if credentials is None:
        kwargs.update(aws_access_key_id=hub_key, aws_secret_access_key=hub_secret)
    else:
        kwargs.update(aws_access_key_id=credentials["AccessKeyId"],
                      aws_secret_access_key=credentials["SecretAccessKey"],
                      aws_session_token=credentials["SessionToken"])
    return session.client(service, endpoint_url=endpoint, region_name=region, **kwargs)


def assume(role_arn):
    return session_client("sts").assume_role(RoleArn=role_arn, RoleSessionName="config-report")["Credentials"]


def list_accounts():
    """Walks the organization from the root with the list-org role, as the seed's IAM model allows."""
    org = session_client("organizations", assume(f"arn:aws:iam::{management}:role/{LIST_ORG_ROLE}"))
    pending = [r["Id"] for r in org.list_roots()["Roots"]]
    accounts = []
    while pending:
        parent = pending.pop()
        for page in org.get_paginator("list_accounts_for_parent").paginate(ParentId=parent):
            accounts.extend(page["Accounts"])
        for page in org.get_paginator("list_organizational_units_for_parent").paginate(ParentId=parent):
            pending.extend(ou["Id"] for ou in page["OrganizationalUnits"])
    return accounts


def count(n=1):
    with calls_lock:
        calls["config"] += n


def scan_region(credentials, account_id, region):
    config = session_client("config", credentials, region)
    count()
    try:
        recorders = config.describe_configuration_recorder_status()["ConfigurationRecordersStatus"]
    except ClientError as e:
        if e.response["Error"]["Code"] in ("NoSuchConfigurationRecorderException", "NoAvailableConfigurationRecorderException"):
            return []
        raise
    if not any(r.get("recording") for r in recorders):
        return []

    non_compliant_rules = []
    for page in config.get_paginator("describe_compliance_by_config_rule").paginate():
        count()
        for rule in page["ComplianceByConfigRules"]:
            if rule.get("Compliance", {}).get("ComplianceType") == "NON_COMPLIANT":
                non_compliant_rules.append(rule["ConfigRuleName"])

    findings = []
    keys = {}
    for rule in non_compliant_rules:
        pages = config.get_paginator("get_compliance_details_by_config_rule").paginate(
            ConfigRuleName=rule, ComplianceTypes=["NON_COMPLIANT"], PaginationConfig={"PageSize": 100})
        for page in pages:
            count()
            for result in page["EvaluationResults"]:
                qualifier = result["EvaluationResultIdentifier"]["EvaluationResultQualifier"]
                findings.append((account_id, region, rule, qualifier["ResourceType"], qualifier["ResourceId"]))
                keys[(qualifier["ResourceType"], qualifier["ResourceId"])] = True

    # Names and tags of the non-compliant resources, 100 keys per call, leftovers asked again.
    remaining = [{"resourceType": t, "resourceId": i} for t, i in keys]
    while remaining:
        batch, remaining = remaining[:100], remaining[100:]
        count()
        response = config.batch_get_resource_config(resourceKeys=batch)
        remaining.extend(response.get("unprocessedResourceKeys", []))
    return findings


def scan_account(account):
    account_id = account["Id"]
    try:
        credentials = assume(f"arn:aws:iam::{account_id}:role/{READ_ROLE}")
    except ClientError as e:
        return account_id, [], e.response["Error"]["Code"]
    findings = []
    try:
        for region in regions:
            findings.extend(scan_region(credentials, account_id, region))
    except ClientError as e:
        return account_id, findings, e.response["Error"]["Code"]
    return account_id, findings, None


def main():
    started = time.monotonic()
    accounts = [a for a in list_accounts() if a["Status"] == "ACTIVE"]
    failed = {}
    total = 0
    with ThreadPoolExecutor(max_workers=20) as pool, open(out_path, "w", encoding="utf-8") as out:
        for account_id, findings, error in pool.map(scan_account, accounts):
            if error is not None:
                failed[account_id] = error
            for finding in findings:
                out.write("\t".join(finding) + "\n")
            total += len(findings)
    print(json.dumps({
        "seconds": round(time.monotonic() - started, 3),
        "accounts": len(accounts),
        "failed": len(failed),
        "failedByCode": {code: list(failed.values()).count(code) for code in set(failed.values())},
        "failedAccounts": sorted(failed),
        "findings": total,
        "configCalls": calls["config"],
    }))


main()
