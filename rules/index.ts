// The registry: every rule, sorted by id. Explicit so bundling keeps them all and load order is visible.
import type { AnyRule } from './define-rule';
import apigwAccessLogging from './apigateway/apigw-access-logging';
import apigwNoAuthorization from './apigateway/apigw-no-authorization';
import cloudfrontHttps from './cloudfront/cloudfront-https';
import cloudfrontOriginHttps from './cloudfront/cloudfront-origin-https';
import cloudfrontS3OriginAccess from './cloudfront/cloudfront-s3-origin-access';
import cloudfrontTlsPolicy from './cloudfront/cloudfront-tls-policy';
import cloudtrailBucketPublic from './cloudtrail/cloudtrail-bucket-public';
import cloudtrailCloudwatch from './cloudtrail/cloudtrail-cloudwatch';
import cloudtrailEncryption from './cloudtrail/cloudtrail-encryption';
import cloudtrailLogValidation from './cloudtrail/cloudtrail-log-validation';
import cloudtrailLoggingOff from './cloudtrail/cloudtrail-logging-off';
import cloudtrailMultiRegion from './cloudtrail/cloudtrail-multi-region';
import codebuildArtifactEncryption from './codebuild/codebuild-artifact-encryption';
import codebuildEnvSecret from './codebuild/codebuild-env-secret';
import codebuildPrivileged from './codebuild/codebuild-privileged';
import configRecorderScope from './config/config-recorder-scope';
import dmsPublic from './dms/dms-public';
import docdbEncryption from './docdb/docdb-encryption';
import dynamodbPitr from './dynamodb/dynamodb-pitr';
import ebsEncryption from './ec2/ebs-encryption';
import ec2Imdsv2 from './ec2/ec2-imdsv2';
import ec2PublicIp from './ec2/ec2-public-ip';
import ec2UserdataSecret from './ec2/ec2-userdata-secret';
import sgOpenAllPorts from './ec2/sg-open-all-ports';
import sgOpenDbPorts from './ec2/sg-open-db-ports';
import sgOpenRdp from './ec2/sg-open-rdp';
import sgOpenSsh from './ec2/sg-open-ssh';
import ecrPolicyPublic from './ecr/ecr-policy-public';
import ecrScanOnPush from './ecr/ecr-scan-on-push';
import ecrTagImmutability from './ecr/ecr-tag-immutability';
import ecsEfsTransitEncryption from './ecs/ecs-efs-transit-encryption';
import ecsEnvSecret from './ecs/ecs-env-secret';
import ecsPrivilegedContainer from './ecs/ecs-privileged-container';
import ecsServicePublicIp from './ecs/ecs-service-public-ip';
import efsEncryption from './efs/efs-encryption';
import eksControlPlaneLogging from './eks/eks-control-plane-logging';
import eksPublicEndpoint from './eks/eks-public-endpoint';
import eksSecretsEncryption from './eks/eks-secrets-encryption';
import elasticacheEncryption from './elasticache/elasticache-encryption';
import albDropInvalidHeaders from './elb/alb-drop-invalid-headers';
import elbAccessLogs from './elb/elb-access-logs';
import elbHttpListener from './elb/elb-http-listener';
import elbTlsPolicy from './elb/elb-tls-policy';
import assetTags from './general/asset-tags';
import statefulDeletionPolicy from './general/stateful-deletion-policy';
import glueEncryption from './glue/glue-encryption';
import guarddutyDisabled from './guardduty/guardduty-disabled';
import iamAdminPolicy from './iam/iam-admin-policy';
import iamKmsDecryptAll from './iam/iam-kms-decrypt-all';
import iamPasswordPolicy from './iam/iam-password-policy';
import iamPrivilegeEscalation from './iam/iam-privilege-escalation';
import iamRoleTrustPublic from './iam/iam-role-trust-public';
import iamUserAccessKey from './iam/iam-user-access-key';
import iamUserPolicy from './iam/iam-user-policy';
import iamWildcardAction from './iam/iam-wildcard-action';
import kinesisEncryption from './kinesis/kinesis-encryption';
import kmsKeyPolicyPublic from './kms/kms-key-policy-public';
import kmsKeyRotation from './kms/kms-key-rotation';
import lambdaDeprecatedRuntime from './lambda/lambda-deprecated-runtime';
import lambdaEnvSecret from './lambda/lambda-env-secret';
import lambdaPermissionPublic from './lambda/lambda-permission-public';
import lambdaUrlNoAuth from './lambda/lambda-url-no-auth';
import logsEncryption from './logs/logs-encryption';
import logsRetention from './logs/logs-retention';
import mskEncryptionInTransit from './msk/msk-encryption-in-transit';
import mskPublic from './msk/msk-public';
import neptuneEncryption from './neptune/neptune-encryption';
import opensearchAuditLogging from './opensearch/opensearch-audit-logging';
import opensearchEncryption from './opensearch/opensearch-encryption';
import opensearchHttpsTls from './opensearch/opensearch-https-tls';
import opensearchNotInVpc from './opensearch/opensearch-not-in-vpc';
import dbLogExports from './rds/db-log-exports';
import rdsBackupRetention from './rds/rds-backup-retention';
import rdsDeletionProtection from './rds/rds-deletion-protection';
import rdsEncryption from './rds/rds-encryption';
import rdsPublic from './rds/rds-public';
import redshiftAuditLogging from './redshift/redshift-audit-logging';
import redshiftEncryption from './redshift/redshift-encryption';
import redshiftPublic from './redshift/redshift-public';
import s3AccessLogging from './s3/s3-access-logging';
import s3Encryption from './s3/s3-encryption';
import s3MfaDelete from './s3/s3-mfa-delete';
import s3PolicyPublic from './s3/s3-policy-public';
import s3PublicAccessBlock from './s3/s3-public-access-block';
import s3PublicAcl from './s3/s3-public-acl';
import s3SecureTransport from './s3/s3-secure-transport';
import s3Versioning from './s3/s3-versioning';
import sagemakerNotebookExposure from './sagemaker/sagemaker-notebook-exposure';
import hardcodedSecret from './secrets/hardcoded-secret';
import paramNoecho from './secrets/param-noecho';
import secretsmanagerRotation from './secrets/secretsmanager-rotation';
import snsEncryption from './sns/sns-encryption';
import snsPolicyPublic from './sns/sns-policy-public';
import sqsEncryption from './sqs/sqs-encryption';
import sqsPolicyPublic from './sqs/sqs-policy-public';
import ssmDocumentPublic from './ssm/ssm-document-public';
import ssmParameterPlaintextSecret from './ssm/ssm-parameter-plaintext-secret';
import defaultSgRestrict from './vpc/default-sg-restrict';
import subnetPublicIp from './vpc/subnet-public-ip';
import vpcFlowLogs from './vpc/vpc-flow-logs';
import wafOnPublicEntrypoint from './waf/waf-on-public-entrypoint';

export const allRules: readonly AnyRule[] = [
  albDropInvalidHeaders,
  apigwAccessLogging,
  apigwNoAuthorization,
  assetTags,
  cloudfrontHttps,
  cloudfrontOriginHttps,
  cloudfrontS3OriginAccess,
  cloudfrontTlsPolicy,
  cloudtrailBucketPublic,
  cloudtrailCloudwatch,
  cloudtrailEncryption,
  cloudtrailLogValidation,
  cloudtrailLoggingOff,
  cloudtrailMultiRegion,
  codebuildArtifactEncryption,
  codebuildEnvSecret,
  codebuildPrivileged,
  configRecorderScope,
  dbLogExports,
  defaultSgRestrict,
  dmsPublic,
  docdbEncryption,
  dynamodbPitr,
  ebsEncryption,
  ec2Imdsv2,
  ec2PublicIp,
  ec2UserdataSecret,
  ecrPolicyPublic,
  ecrScanOnPush,
  ecrTagImmutability,
  ecsEfsTransitEncryption,
  ecsEnvSecret,
  ecsPrivilegedContainer,
  ecsServicePublicIp,
  efsEncryption,
  eksControlPlaneLogging,
  eksPublicEndpoint,
  eksSecretsEncryption,
  elasticacheEncryption,
  elbAccessLogs,
  elbHttpListener,
  elbTlsPolicy,
  glueEncryption,
  guarddutyDisabled,
  hardcodedSecret,
  iamAdminPolicy,
  iamKmsDecryptAll,
  iamPasswordPolicy,
  iamPrivilegeEscalation,
  iamRoleTrustPublic,
  iamUserAccessKey,
  iamUserPolicy,
  iamWildcardAction,
  kinesisEncryption,
  kmsKeyPolicyPublic,
  kmsKeyRotation,
  lambdaDeprecatedRuntime,
  lambdaEnvSecret,
  lambdaPermissionPublic,
  lambdaUrlNoAuth,
  logsEncryption,
  logsRetention,
  mskEncryptionInTransit,
  mskPublic,
  neptuneEncryption,
  opensearchAuditLogging,
  opensearchEncryption,
  opensearchHttpsTls,
  opensearchNotInVpc,
  paramNoecho,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsEncryption,
  rdsPublic,
  redshiftAuditLogging,
  redshiftEncryption,
  redshiftPublic,
  s3AccessLogging,
  s3Encryption,
  s3MfaDelete,
  s3PolicyPublic,
  s3PublicAccessBlock,
  s3PublicAcl,
  s3SecureTransport,
  s3Versioning,
  sagemakerNotebookExposure,
  secretsmanagerRotation,
  sgOpenAllPorts,
  sgOpenDbPorts,
  sgOpenRdp,
  sgOpenSsh,
  snsEncryption,
  snsPolicyPublic,
  sqsEncryption,
  sqsPolicyPublic,
  ssmDocumentPublic,
  ssmParameterPlaintextSecret,
  statefulDeletionPolicy,
  subnetPublicIp,
  vpcFlowLogs,
  wafOnPublicEntrypoint,
] as readonly AnyRule[];

/** Looks a rule up by id. */
export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.id === id);
}
