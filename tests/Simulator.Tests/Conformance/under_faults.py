"""Reads every NON_COMPLIANT finding of the given accounts with boto3's standard retry mode while
the simulator throttles and injects 500/503, and prints them as JSON."""
import json
import sys

import boto3
import botocore.config

args = json.loads(sys.argv[1])
retrying = botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 20})


def client(service, creds, region):
    return boto3.client(service, endpoint_url=args["endpoint"], region_name=region, config=retrying,
                        aws_access_key_id=creds[0], aws_secret_access_key=creds[1],
                        aws_session_token=creds[2] if len(creds) > 2 else None)


sts = client("sts", (args["hubKeyId"], args["hubSecret"]), "us-east-1")
findings = []
for account in args["accounts"]:
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/system-config-report-generator-read-role",
                        RoleSessionName="faults")["Credentials"]
    for region in args["regions"]:
        cfg = client("config", (c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"]), region)
        for page in cfg.get_paginator("describe_compliance_by_config_rule").paginate(ComplianceTypes=["NON_COMPLIANT"]):
            for rule in page["ComplianceByConfigRules"]:
                for details in cfg.get_paginator("get_compliance_details_by_config_rule").paginate(
                        ConfigRuleName=rule["ConfigRuleName"], ComplianceTypes=["NON_COMPLIANT"],
                        PaginationConfig={"PageSize": 100}):
                    for e in details["EvaluationResults"]:
                        q = e["EvaluationResultIdentifier"]["EvaluationResultQualifier"]
                        findings.append(f"{account}|{region}|{q['ConfigRuleName']}|{q['ResourceId']}")
print(json.dumps(findings))
