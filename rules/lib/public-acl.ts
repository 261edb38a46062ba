// Canned S3 ACLs that open a bucket to the public or to every AWS account, for s3-public-acl and the rules that
// judge a bucket through it (cloudtrail-bucket-public).

/** Canned ACLs that open a bucket, in both spellings (CloudFormation PascalCase, Terraform kebab-case). */
const PUBLIC = new Set(['publicread', 'publicreadwrite', 'authenticatedread']);

/** Whether a canned ACL value (`PublicRead`, `public-read`, ...) grants access beyond the bucket owner's account. */
export function isPublicCannedAcl(value: string): boolean {
  return PUBLIC.has(value.replace(/-/g, '').toLowerCase());
}

/** Who a public canned ACL lets in, for messages. */
export function aclGrantee(value: string): string {
  return /authenticated/i.test(value) ? 'every AWS account' : 'everyone on the internet';
}
