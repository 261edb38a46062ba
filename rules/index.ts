// The registry: every rule, sorted by id. Explicit so bundling keeps them all and load order is visible.
import type { AnyRule } from './define-rule';
import cloudtrailLogValidation from './cloudtrail/cloudtrail-log-validation';
import ebsEncryption from './ec2/ebs-encryption';
import sgOpenRdp from './ec2/sg-open-rdp';
import sgOpenSsh from './ec2/sg-open-ssh';
import iamAdminPolicy from './iam/iam-admin-policy';
import rdsEncryption from './rds/rds-encryption';
import s3PublicAcl from './s3/s3-public-acl';
import s3Versioning from './s3/s3-versioning';

export const allRules: readonly AnyRule[] = [
  cloudtrailLogValidation,
  ebsEncryption,
  iamAdminPolicy,
  rdsEncryption,
  s3PublicAcl,
  s3Versioning,
  sgOpenRdp,
  sgOpenSsh,
] as readonly AnyRule[];

/** Looks a rule up by id. */
export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.id === id);
}
