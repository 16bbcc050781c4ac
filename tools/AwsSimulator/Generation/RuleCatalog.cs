namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>AWS managed Config rules over the resource types the product reports on.</summary>
internal static class RuleCatalog
{
    public const string Ec2Instance = "AWS::EC2::Instance";
    public const string Ec2SecurityGroup = "AWS::EC2::SecurityGroup";
    public const string Ec2Volume = "AWS::EC2::Volume";
    public const string Ec2Vpc = "AWS::EC2::VPC";
    public const string IamUser = "AWS::IAM::User";
    public const string IamRole = "AWS::IAM::Role";
    public const string IamPolicy = "AWS::IAM::Policy";
    public const string RdsInstance = "AWS::RDS::DBInstance";
    public const string RdsSnapshot = "AWS::RDS::DBSnapshot";
    public const string CloudFrontDistribution = "AWS::CloudFront::Distribution";
    public const string S3Bucket = "AWS::S3::Bucket";

    /// <summary>Resource types with the range of how many a region holds.</summary>
    public static readonly IReadOnlyList<(string Type, int Min, int Max)> ResourceTypes =
    [
        (Ec2Instance, 3, 25),
        (Ec2SecurityGroup, 2, 12),
        (Ec2Volume, 3, 20),
        (Ec2Vpc, 1, 3),
        (IamUser, 2, 15),
        (IamRole, 3, 12),
        (IamPolicy, 1, 6),
        (RdsInstance, 0, 6),
        (RdsSnapshot, 0, 5),
        (CloudFrontDistribution, 0, 5),
        (S3Bucket, 2, 20),
    ];

    public static readonly IReadOnlyList<RuleTemplate> Rules =
    [
        new("ec2-instance-no-public-ip", Ec2Instance, "Checks whether EC2 instances have a public IP association.", "The EC2 instance has a public IP address associated.", 1.0),
        new("ec2-imdsv2-check", Ec2Instance, "Checks whether EC2 instances use IMDSv2.", "The instance metadata service version 1 is enabled (HttpTokens is optional).", 2.5),
        new("ec2-instance-managed-by-systems-manager", Ec2Instance, "Checks whether EC2 instances are managed by Systems Manager.", "The EC2 instance is not managed by AWS Systems Manager.", 1.5, "EC2_INSTANCE_MANAGED_BY_SSM"),
        new("ec2-instance-detailed-monitoring-enabled", Ec2Instance, "Checks whether detailed monitoring is enabled for EC2 instances.", "Detailed monitoring is disabled for this instance.", 2.0),
        new("ec2-instances-in-vpc", Ec2Instance, "Checks whether EC2 instances belong to a VPC.", "The EC2 instance is not launched in a VPC.", 0.3, "INSTANCES_IN_VPC"),
        new("ec2-instance-profile-attached", Ec2Instance, "Checks whether an IAM instance profile is attached to the instance.", "No IAM instance profile is attached to the EC2 instance.", 1.0),
        new("ebs-optimized-instance", Ec2Instance, "Checks whether EBS optimization is enabled for EC2 instances.", "EBS optimization is not enabled on an EBS-optimized capable instance type.", 0.8),
        new("ec2-stopped-instance", Ec2Instance, "Checks whether there are instances stopped for more than the allowed number of days.", "The EC2 instance has been stopped for more than 30 days.", 0.6),
        new("restricted-ssh", Ec2SecurityGroup, "Checks whether security groups allow unrestricted incoming SSH traffic.", "The security group allows ingress on port 22 from 0.0.0.0/0.", 1.2, "INCOMING_SSH_DISABLED"),
        new("restricted-common-ports", Ec2SecurityGroup, "Checks whether security groups allow unrestricted traffic to high-risk ports.", "The security group allows unrestricted ingress to port 3389.", 0.9, "RESTRICTED_INCOMING_TRAFFIC"),
        new("vpc-default-security-group-closed", Ec2SecurityGroup, "Checks whether the default security group of a VPC allows traffic.", "The default security group has inbound or outbound rules.", 1.5),
        new("vpc-sg-open-only-to-authorized-ports", Ec2SecurityGroup, "Checks whether security groups with 0.0.0.0/0 open only authorized ports.", "The security group opens port 8080 to 0.0.0.0/0.", 1.0),
        new("encrypted-volumes", Ec2Volume, "Checks whether attached EBS volumes are encrypted.", "The EBS volume is not encrypted.", 1.2),
        new("ec2-volume-inuse-check", Ec2Volume, "Checks whether EBS volumes are attached to EC2 instances.", "The EBS volume is not attached to an EC2 instance.", 1.0),
        new("ebs-snapshot-public-restorable-check", Ec2Volume, "Checks whether EBS snapshots are not publicly restorable.", "A snapshot of this volume is publicly restorable.", 0.2),
        new("vpc-flow-logs-enabled", Ec2Vpc, "Checks whether VPC flow logs are enabled.", "VPC flow logs are not enabled for this VPC.", 1.8),
        new("vpc-network-acl-unused-check", Ec2Vpc, "Checks whether there are unused network ACLs.", "The VPC has a network ACL that is not associated with a subnet.", 0.7),
        new("iam-user-mfa-enabled", IamUser, "Checks whether IAM users have MFA enabled.", "The IAM user does not have an MFA device enabled.", 1.5),
        new("mfa-enabled-for-iam-console-access", IamUser, "Checks whether MFA is enabled for IAM users with a console password.", "The IAM user has a console password but no MFA device.", 1.3),
        new("iam-user-unused-credentials-check", IamUser, "Checks whether IAM users have passwords or access keys unused for 90 days.", "The IAM user has an access key not used for 90 days.", 1.8),
        new("access-keys-rotated", IamUser, "Checks whether active access keys are rotated within 90 days.", "The IAM user's active access key is older than 90 days.", 2.0),
        new("iam-user-no-policies-check", IamUser, "Checks that IAM users do not have policies attached directly.", "The IAM user has a managed policy attached directly.", 1.0),
        new("iam-user-group-membership-check", IamUser, "Checks whether IAM users are members of at least one group.", "The IAM user is not a member of any IAM group.", 0.8),
        new("iam-no-inline-policy-check", IamRole, "Checks that IAM identities have no inline policies.", "The IAM role has an inline policy.", 1.2),
        new("iam-role-managed-policy-check", IamRole, "Checks whether IAM roles have the required managed policies attached.", "The IAM role does not have the required managed policy attached.", 0.6),
        new("iam-policy-no-statements-with-admin-access", IamPolicy, "Checks that customer managed policies do not allow full administrative access.", "The policy allows Action \"*\" on Resource \"*\".", 1.0),
        new("iam-policy-no-statements-with-full-access", IamPolicy, "Checks that customer managed policies do not allow full access to a service.", "The policy allows full access (s3:*) to a service.", 1.4),
        new("iam-policy-in-use", IamPolicy, "Checks whether an IAM policy is attached to a user, group or role.", "The IAM policy is not attached to any identity.", 0.8),
        new("rds-storage-encrypted", RdsInstance, "Checks whether storage encryption is enabled for RDS DB instances.", "Storage encryption is not enabled for the RDS DB instance.", 1.0),
        new("rds-instance-public-access-check", RdsInstance, "Checks whether RDS instances are not publicly accessible.", "The RDS DB instance is publicly accessible.", 0.6),
        new("rds-multi-az-support", RdsInstance, "Checks whether high availability is enabled for RDS DB instances.", "The RDS DB instance is not configured for Multi-AZ.", 1.8),
        new("db-instance-backup-enabled", RdsInstance, "Checks whether RDS DB instances have backups enabled.", "Automated backups are disabled (BackupRetentionPeriod is 0).", 0.7),
        new("rds-instance-deletion-protection-enabled", RdsInstance, "Checks whether RDS DB instances have deletion protection enabled.", "Deletion protection is not enabled for the RDS DB instance.", 2.0),
        new("rds-automatic-minor-version-upgrade-enabled", RdsInstance, "Checks whether automatic minor version upgrades are enabled.", "Automatic minor version upgrade is disabled.", 1.2),
        new("rds-enhanced-monitoring-enabled", RdsInstance, "Checks whether enhanced monitoring is enabled for RDS DB instances.", "Enhanced monitoring is not enabled for the RDS DB instance.", 1.6),
        new("rds-logging-enabled", RdsInstance, "Checks whether respective logs of RDS are enabled.", "Log exports to CloudWatch Logs are not enabled.", 1.5),
        new("rds-instance-iam-authentication-enabled", RdsInstance, "Checks whether IAM database authentication is enabled.", "IAM database authentication is not enabled.", 2.0),
        new("rds-snapshots-public-prohibited", RdsSnapshot, "Checks whether RDS snapshots are public.", "The RDS snapshot is shared publicly.", 0.3),
        new("rds-snapshot-encrypted", RdsSnapshot, "Checks whether RDS DB snapshots are encrypted.", "The RDS snapshot is not encrypted.", 1.0),
        new("cloudfront-viewer-policy-https", CloudFrontDistribution, "Checks whether CloudFront distributions use HTTPS.", "The ViewerProtocolPolicy of a cache behavior is allow-all.", 1.0),
        new("cloudfront-default-root-object-configured", CloudFrontDistribution, "Checks whether a CloudFront distribution has a default root object.", "The distribution has no default root object.", 1.2),
        new("cloudfront-origin-access-identity-enabled", CloudFrontDistribution, "Checks whether S3 origins use an origin access identity.", "An S3 origin has no origin access identity configured.", 1.0),
        new("cloudfront-accesslogs-enabled", CloudFrontDistribution, "Checks whether CloudFront distributions have access logging enabled.", "Access logging is not enabled for the distribution.", 1.8),
        new("cloudfront-associated-with-waf", CloudFrontDistribution, "Checks whether CloudFront distributions are associated with a WAF web ACL.", "The distribution is not associated with an AWS WAF web ACL.", 2.0),
        new("cloudfront-origin-failover-enabled", CloudFrontDistribution, "Checks whether an origin group with failover is configured.", "No origin group with two origins is configured.", 2.2),
        new("cloudfront-sni-enabled", CloudFrontDistribution, "Checks whether distributions with custom certificates use SNI.", "The distribution uses a dedicated IP SSL certificate instead of SNI.", 0.5),
        new("cloudfront-no-deprecated-ssl-protocols", CloudFrontDistribution, "Checks whether distributions use deprecated SSL protocols to origins.", "An origin allows SSLv3.", 0.4),
        new("cloudfront-traffic-to-origin-encrypted", CloudFrontDistribution, "Checks whether traffic to custom origins is encrypted.", "OriginProtocolPolicy is http-only.", 0.8),
        new("s3-bucket-public-read-prohibited", S3Bucket, "Checks that S3 buckets do not allow public read access.", "The bucket policy or ACL allows public read access.", 0.4),
        new("s3-bucket-public-write-prohibited", S3Bucket, "Checks that S3 buckets do not allow public write access.", "The bucket policy or ACL allows public write access.", 0.2),
        new("s3-bucket-server-side-encryption-enabled", S3Bucket, "Checks that S3 buckets have default encryption enabled.", "Default server-side encryption is not enabled for the bucket.", 0.8),
        new("s3-bucket-ssl-requests-only", S3Bucket, "Checks whether bucket policies deny requests that do not use SSL.", "The bucket policy does not deny requests with aws:SecureTransport false.", 2.2),
        new("s3-bucket-logging-enabled", S3Bucket, "Checks whether server access logging is enabled for S3 buckets.", "Server access logging is not enabled for the bucket.", 2.5),
        new("s3-bucket-versioning-enabled", S3Bucket, "Checks whether versioning is enabled for S3 buckets.", "Versioning is not enabled for the bucket.", 1.8),
        new("s3-bucket-level-public-access-prohibited", S3Bucket, "Checks whether S3 bucket-level public access blocks are configured.", "The bucket-level public access block is not fully enabled.", 1.0),
        new("s3-bucket-default-lock-enabled", S3Bucket, "Checks whether S3 Object Lock is enabled by default.", "Object Lock is not enabled for the bucket.", 2.5),
        new("s3-bucket-replication-enabled", S3Bucket, "Checks whether S3 buckets have replication rules enabled.", "No replication rule is configured for the bucket.", 2.2),
        new("s3-bucket-acl-prohibited", S3Bucket, "Checks whether S3 buckets allow user permissions through ACLs.", "The bucket uses ACLs (ObjectOwnership is not BucketOwnerEnforced).", 1.4),
        new("s3-event-notifications-enabled", S3Bucket, "Checks whether event notifications are enabled on S3 buckets.", "No event notification is configured for the bucket.", 1.6),
        new("s3-lifecycle-policy-check", S3Bucket, "Checks whether a lifecycle policy is configured for S3 buckets.", "The bucket has no lifecycle configuration.", 1.5),
    ];
}
