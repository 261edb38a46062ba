// The registry: every rule, sorted by id. Explicit so bundling keeps them all and load order is visible.
import type { AnyRule } from './define-rule';
import cloudfrontHttps from './cloudfront/cloudfront-https';
import cloudtrailBucketPublic from './cloudtrail/cloudtrail-bucket-public';
import cloudtrailCloudwatch from './cloudtrail/cloudtrail-cloudwatch';
import cloudtrailEncryption from './cloudtrail/cloudtrail-encryption';
import cloudtrailLogValidation from './cloudtrail/cloudtrail-log-validation';
import cloudtrailLoggingOff from './cloudtrail/cloudtrail-logging-off';
import cloudtrailMultiRegion from './cloudtrail/cloudtrail-multi-region';
import codebuildArtifactEncryption from './codebuild/codebuild-artifact-encryption';
import codebuildPrivileged from './codebuild/codebuild-privileged';
import configRecorderScope from './config/config-recorder-scope';
import docdbEncryption from './docdb/docdb-encryption';
import dynamodbPitr from './dynamodb/dynamodb-pitr';
import ebsEncryption from './ec2/ebs-encryption';
import ec2Imdsv2 from './ec2/ec2-imdsv2';
import sgOpenAllPorts from './ec2/sg-open-all-ports';
import sgOpenDbPorts from './ec2/sg-open-db-ports';
import sgOpenRdp from './ec2/sg-open-rdp';
import sgOpenSsh from './ec2/sg-open-ssh';
import ecrScanOnPush from './ecr/ecr-scan-on-push';
import ecrTagImmutability from './ecr/ecr-tag-immutability';
import ecsEfsTransitEncryption from './ecs/ecs-efs-transit-encryption';
import efsEncryption from './efs/efs-encryption';
import eksControlPlaneLogging from './eks/eks-control-plane-logging';
import eksSecretsEncryption from './eks/eks-secrets-encryption';
import elasticacheEncryption from './elasticache/elasticache-encryption';
import elbAccessLogs from './elb/elb-access-logs';
import elbHttpListener from './elb/elb-http-listener';
import assetTags from './general/asset-tags';
import statefulDeletionPolicy from './general/stateful-deletion-policy';
import glueEncryption from './glue/glue-encryption';
import guarddutyDisabled from './guardduty/guardduty-disabled';
import iamAdminPolicy from './iam/iam-admin-policy';
import iamUserPolicy from './iam/iam-user-policy';
import iamWildcardAction from './iam/iam-wildcard-action';
import kinesisEncryption from './kinesis/kinesis-encryption';
import kmsKeyRotation from './kms/kms-key-rotation';
import lambdaDeprecatedRuntime from './lambda/lambda-deprecated-runtime';
import logsEncryption from './logs/logs-encryption';
import logsRetention from './logs/logs-retention';
import mskEncryptionInTransit from './msk/msk-encryption-in-transit';
import neptuneEncryption from './neptune/neptune-encryption';
import opensearchAuditLogging from './opensearch/opensearch-audit-logging';
import opensearchEncryption from './opensearch/opensearch-encryption';
import dbLogExports from './rds/db-log-exports';
import rdsBackupRetention from './rds/rds-backup-retention';
import rdsDeletionProtection from './rds/rds-deletion-protection';
import rdsEncryption from './rds/rds-encryption';
import rdsPublic from './rds/rds-public';
import redshiftAuditLogging from './redshift/redshift-audit-logging';
import redshiftEncryption from './redshift/redshift-encryption';
import s3AccessLogging from './s3/s3-access-logging';
import s3Encryption from './s3/s3-encryption';
import s3MfaDelete from './s3/s3-mfa-delete';
import s3PolicyPublic from './s3/s3-policy-public';
import s3PublicAccessBlock from './s3/s3-public-access-block';
import s3PublicAcl from './s3/s3-public-acl';
import s3SecureTransport from './s3/s3-secure-transport';
import s3Versioning from './s3/s3-versioning';
import hardcodedSecret from './secrets/hardcoded-secret';
import paramNoecho from './secrets/param-noecho';
import snsEncryption from './sns/sns-encryption';
import sqsEncryption from './sqs/sqs-encryption';
import subnetPublicIp from './vpc/subnet-public-ip';
import vpcFlowLogs from './vpc/vpc-flow-logs';

export const allRules: readonly AnyRule[] = [
  assetTags,
  cloudfrontHttps,
  cloudtrailBucketPublic,
  cloudtrailCloudwatch,
  cloudtrailEncryption,
  cloudtrailLogValidation,
  cloudtrailLoggingOff,
  cloudtrailMultiRegion,
  codebuildArtifactEncryption,
  codebuildPrivileged,
  configRecorderScope,
  dbLogExports,
  docdbEncryption,
  dynamodbPitr,
  ebsEncryption,
  ec2Imdsv2,
  ecrScanOnPush,
  ecrTagImmutability,
  ecsEfsTransitEncryption,
  efsEncryption,
  eksControlPlaneLogging,
  eksSecretsEncryption,
  elasticacheEncryption,
  elbAccessLogs,
  elbHttpListener,
  glueEncryption,
  guarddutyDisabled,
  hardcodedSecret,
  iamAdminPolicy,
  iamUserPolicy,
  iamWildcardAction,
  kinesisEncryption,
  kmsKeyRotation,
  lambdaDeprecatedRuntime,
  logsEncryption,
  logsRetention,
  mskEncryptionInTransit,
  neptuneEncryption,
  opensearchAuditLogging,
  opensearchEncryption,
  paramNoecho,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsEncryption,
  rdsPublic,
  redshiftAuditLogging,
  redshiftEncryption,
  s3AccessLogging,
  s3Encryption,
  s3MfaDelete,
  s3PolicyPublic,
  s3PublicAccessBlock,
  s3PublicAcl,
  s3SecureTransport,
  s3Versioning,
  sgOpenAllPorts,
  sgOpenDbPorts,
  sgOpenRdp,
  sgOpenSsh,
  snsEncryption,
  sqsEncryption,
  statefulDeletionPolicy,
  subnetPublicIp,
  vpcFlowLogs,
] as readonly AnyRule[];

/** Looks a rule up by id. */
export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.id === id);
}
