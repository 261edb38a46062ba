// The bucket a CloudTrail trail writes to is not public: the audit trail would be readable (or writable) by anyone.
import type { ResourceView, RuleContext, ValueView } from '../api';
import { defineRule } from '../define-rule';
import { statementsOf } from '../lib/policy-document';
import { isPublicStatement } from '../lib/public-statement';
import { aclGrantee, isPublicCannedAcl } from '../lib/public-acl';
import { referencedBy } from '../lib/referenced';

type Prop = 'bucketName' | 'name' | 'acl' | 'policy' | 'statements' | 'bucket' | 'blockAcls' | 'ignoreAcls' | 'blockPolicy' | 'restrictBuckets';

/** What makes a bucket public, as s3-public-acl and s3-policy-public read it. */
interface Exposure {
  at: ValueView<Prop>;
  why: string;
  related: string;
}

/** Whether one of the Block Public Access flags is on: 'unknown' when one is unresolved (then the rule is silent). */
function anyOn(flags: ValueView<Prop>[]): boolean | 'unknown' {
  if (flags.some((f) => f.asBoolean() === true)) return true;
  return flags.some((f) => f.isUnresolved()) ? 'unknown' : false;
}

/** A public canned ACL (the bucket's own, or a Terraform aws_s3_bucket_acl of it). */
function publicAcl(acls: ValueView<Prop>[]): Exposure | undefined {
  for (const acl of acls) {
    const value = acl.asString();
    if (value !== undefined && isPublicCannedAcl(value)) {
      return {
        at: acl,
        why: `its ACL ${value} grants access to ${aclGrantee(value)}`,
        related: `The canned ACL ${value} makes the trail's bucket public.`,
      };
    }
  }
  return undefined;
}

/** A bucket policy statement that allows everyone with no Condition, located at the statement where it can be. */
function publicPolicy(holders: ResourceView<Prop>[]): Exposure | undefined {
  for (const holder of holders) {
    const policy = holder.prop('policy');
    const statements = statementsOf(policy.literal());
    const index = statements.findIndex(isPublicStatement);
    if (index < 0) continue;
    // A policy written as a map has a view per statement; JSON text and jsonencode() do not, so the policy is shown.
    const views = holder.prop('statements').items();
    const statement = views.length === statements.length ? views[index] : undefined;
    return {
      at: statement ?? policy,
      why: 'its bucket policy allows everyone (Principal "*") with no Condition',
      related: `${statement ? 'This statement allows' : `Statement ${index + 1} of this policy allows`} everyone with no Condition, so the trail's bucket is public.`,
    };
  }
  return undefined;
}

/** Why the bucket is public once Block Public Access is taken into account; undefined when it is not, or may not be. */
function exposure(bucket: ResourceView<Prop>, ctx: RuleContext<Prop>): Exposure[] | undefined {
  const cfn = bucket.family === 'cloudformation';
  const blocks = cfn ? [bucket] : ctx.referencing('publicAccessBlock', 'bucket', bucket);
  // A public access block whose bucket cannot be resolved may be this bucket's.
  if (!cfn && ctx.companions('publicAccessBlock').some((b) => b.prop('bucket').isReference() && b.prop('bucket').isUnresolved())) return undefined;
  const aclsBlocked = anyOn(blocks.flatMap((b) => [b.prop('blockAcls'), b.prop('ignoreAcls')]));
  const policyBlocked = anyOn(blocks.flatMap((b) => [b.prop('blockPolicy'), b.prop('restrictBuckets')]));
  const acls = [bucket.prop('acl'), ...(cfn ? [] : ctx.referencing('acl', 'bucket', bucket).map((a) => a.prop('acl')))];
  const policies = [...(cfn ? [] : [bucket]), ...ctx.referencing('bucketPolicy', 'bucket', bucket)];
  const found = [aclsBlocked === false ? publicAcl(acls) : undefined, policyBlocked === false ? publicPolicy(policies) : undefined];
  return found.filter((e): e is Exposure => e !== undefined);
}

export default defineRule({
  id: 'cloudtrail-bucket-public',
  meta: {
    title: 'The CloudTrail log bucket is not public',
    severity: 'critical',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
    related: {
      kics: ['bd0088a5-c133-4b20-b129-ec9968b16ef3'],
      tfsec: ['aws-cloudtrail-no-public-log-access'],
      trivy: ['AVD-AWS-0161'],
    },
    fsbp: ['CloudTrail.6'],
    messages: {
      public:
        "{{resource}} delivers its logs to {{bucketAddress}}, which is public: {{why}}. Anyone can then read the account's audit trail (who did what, resource names, IP addresses). Make the bucket private; its s3-public-acl / s3-policy-public findings carry the fixes.",
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { bucketName: 'S3BucketName' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { bucketName: 's3_bucket_name' } }],
  },
  companions: {
    // The trail type itself, so the join from trail to bucket runs from the bucket's side (rules/lib/referenced.ts).
    trail: {
      cloudformation: { type: 'AWS::CloudTrail::Trail', props: { bucketName: 'S3BucketName' } },
      terraform: { type: 'aws_cloudtrail', props: { bucketName: 's3_bucket_name' } },
    },
    bucket: {
      cloudformation: {
        type: 'AWS::S3::Bucket',
        props: {
          name: 'BucketName',
          acl: 'AccessControl',
          blockAcls: 'PublicAccessBlockConfiguration.BlockPublicAcls',
          ignoreAcls: 'PublicAccessBlockConfiguration.IgnorePublicAcls',
          blockPolicy: 'PublicAccessBlockConfiguration.BlockPublicPolicy',
          restrictBuckets: 'PublicAccessBlockConfiguration.RestrictPublicBuckets',
        },
      },
      // `acl` and `policy` are the legacy inline arguments (v1's reading of aws_s3_bucket).
      terraform: { type: 'aws_s3_bucket', props: { name: 'bucket', acl: 'acl', policy: 'policy', statements: 'policy.Statement' } },
    },
    bucketPolicy: {
      cloudformation: {
        type: 'AWS::S3::BucketPolicy',
        props: { bucket: 'Bucket', policy: 'PolicyDocument', statements: 'PolicyDocument.Statement' },
      },
      terraform: { type: 'aws_s3_bucket_policy', props: { bucket: 'bucket', policy: 'policy', statements: 'policy.Statement' } },
    },
    acl: { terraform: { type: 'aws_s3_bucket_acl', props: { bucket: 'bucket', acl: 'acl' } } },
    publicAccessBlock: {
      terraform: {
        type: 'aws_s3_bucket_public_access_block',
        props: {
          bucket: 'bucket',
          blockAcls: 'block_public_acls',
          ignoreAcls: 'ignore_public_acls',
          blockPolicy: 'block_public_policy',
          restrictBuckets: 'restrict_public_buckets',
        },
      },
    },
  },
  check(trail, report, ctx) {
    const bucketName = trail.prop('bucketName');
    // A bucket outside the template / module is not judged.
    for (const bucket of referencedBy(ctx, trail, { selfRole: 'trail', key: 'bucketName' }, 'bucket')) {
      const found = exposure(bucket, ctx);
      const first = found?.[0];
      if (!found || !first) continue;
      // No fix: the bucket's own s3-public-acl / s3-policy-public findings carry them.
      report({
        at: bucketName,
        messageId: 'public',
        data: { bucketAddress: bucket.address, why: found.map((e) => e.why).join('; ') },
        related: found.map((e) => ({ at: e.at, message: e.related })),
      });
    }
  },
});
