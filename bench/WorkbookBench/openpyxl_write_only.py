# The benchmark's reference: the same findings rows (same formulas as SyntheticFindings.cs),
# written by openpyxl in write-only mode. Prints one JSON line with its own timing and peak RSS.
import datetime
import json
import resource
import sys
import time

from openpyxl import Workbook

ACCOUNTS = 200
REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"]
TYPES = ["AWS::EC2::Instance", "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::RDS::DBInstance", "AWS::CloudFront::Distribution"]
BASE = datetime.datetime(2026, 11, 23, 6, 0, 0)
HEADER = ["Account ID", "Account name", "Region", "Rule", "Resource type", "Resource ID", "Resource name",
          "Severity", "Owner", "Compliance", "Annotation", "Last evaluated (UTC)", "Tags"]


def severity(i, count):
    share = i / max(count, 1)
    if share < 0.05:
        return "Critical"
    if share < 0.25:
        return "High"
    if share < 0.60:
        return "Medium"
    if share < 0.85:
        return "Low"
    return "Unrated"


def rows(count):
    for i in range(count):
        account = i % ACCOUNTS
        rule = "rule-%02d" % (i // 7 % 60)
        rid = "res-%08d" % i
        yield [
            str(100000000000 + account),
            "workload-%03d" % account,
            REGIONS[i // ACCOUNTS % len(REGIONS)],
            rule,
            TYPES[i % len(TYPES)],
            rid,
            "name-%d" % i,
            severity(i, count),
            "team%d" % (i % 17),
            "COMPLIANT" if i % 5 == 0 else "NON_COMPLIANT",
            "Resource %s violates %s" % (rid, rule),
            BASE - datetime.timedelta(minutes=i % 10080),
            "Env=%s; Owner=team%d" % ("dev" if i % 2 == 0 else "prod", i % 17),
        ]


def main(count, path):
    cpu_start = time.process_time()
    start = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Findings")
    sheet.append(HEADER)
    for row in rows(count):
        sheet.append(row)
    book.save(path)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "peakMb": peak_mb}))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
