// Stateful resources (databases, volumes, tables, file systems) survive a stack deletion or an accidental destroy.
import type { Report, ResourceView } from '../api';
import { defineRule } from '../define-rule';

/** The CloudFormation policies that keep the data: the resource itself or a final snapshot of it. */
const KEEPS_DATA = new Set(['Retain', 'Snapshot', 'RetainExceptOnCreate']);
/** Types whose DeletionPolicy may be Snapshot; the others can only be retained. */
const SNAPSHOTS = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::EC2::Volume']);
/** Types CloudFormation snapshots on deletion when no DeletionPolicy is written (instances: outside a cluster). */
const DEFAULT_SNAPSHOT = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']);

type Keys = 'policy' | 'replacePolicy' | 'cluster' | 'prevent';
type Messages = 'missing' | 'deletes' | 'noPrevent' | 'keep' | 'prevent';

/** CloudFormation: the `DeletionPolicy` / `UpdateReplacePolicy` attributes keep the data. */
function checkPolicies(resource: ResourceView<Keys>, report: Report<Messages, Keys>): void {
  // Aurora cluster members hold no data of their own: the cluster volume does.
  if (!resource.prop('cluster').isMissing()) return;
  const policy = resource.prop('policy');
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html (Delete: "considerations")
  if (policy.isMissing() && DEFAULT_SNAPSHOT.has(resource.type)) return;
  const value = policy.asString();
  if (policy.isUnresolved() || (value !== undefined && KEEPS_DATA.has(value))) return;
  const keepValue = SNAPSHOTS.has(resource.type) ? 'Snapshot' : 'Retain';
  const replace = resource.prop('replacePolicy');
  report({
    at: policy,
    messageId: policy.isMissing() ? 'missing' : 'deletes',
    data: { value: value ?? '', keepValue },
    fix: {
      messageId: 'keep',
      // Only changes what CloudFormation does on deletion or replacement; the resource itself is untouched.
      safety: 'safe',
      apply: (f) => {
        f.set(resource, 'policy', keepValue);
        if (!replace.isUnresolved() && !KEEPS_DATA.has(replace.asString() ?? '')) f.set(resource, 'replacePolicy', keepValue);
      },
    },
  });
}

/** Terraform: `lifecycle { prevent_destroy = true }` refuses a plan that would destroy the resource. */
function checkPreventDestroy(resource: ResourceView<Keys>, report: Report<Messages, Keys>): void {
  const prevent = resource.prop('prevent');
  if (prevent.isUnresolved() || prevent.asBoolean() === true) return;
  report({
    at: prevent,
    messageId: 'noPrevent',
    fix: { messageId: 'prevent', safety: 'safe', apply: (f) => f.set(resource, 'prevent', true) },
  });
}

export default defineRule<Keys, Messages>({
  id: 'stateful-deletion-policy',
  meta: {
    title: 'Stateful resources are protected from deletion',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data integrity (accidental deletion)',
    docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
    related: { cfnLint: ['I3011'] },
    messages: {
      // CloudFormation-only messages name the resource attributes directly.
      missing: '{{resource}} has no DeletionPolicy; deleting the stack deletes its data (and a replacement does too).',
      deletes: '{{resource}} sets DeletionPolicy to {{value}}; deleting the stack deletes its data.',
      noPrevent: '{{resource}} does not set {{prevent}}; a destroy or a replacement deletes its data.',
      keep: 'Set DeletionPolicy and UpdateReplacePolicy to {{keepValue}}',
      prevent: 'Set {{prevent}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::RDS::DBInstance',
        props: { policy: '/DeletionPolicy', replacePolicy: '/UpdateReplacePolicy', cluster: 'DBClusterIdentifier' },
        check: checkPolicies,
      },
      {
        // SAM's SimpleTable passes both attributes to the DynamoDB table it generates.
        type: ['AWS::RDS::DBCluster', 'AWS::EC2::Volume', 'AWS::DynamoDB::Table', 'AWS::EFS::FileSystem', 'AWS::Serverless::SimpleTable'],
        props: { policy: '/DeletionPolicy', replacePolicy: '/UpdateReplacePolicy' },
        check: checkPolicies,
      },
    ],
    terraform: [
      {
        type: ['aws_db_instance', 'aws_rds_cluster', 'aws_ebs_volume', 'aws_dynamodb_table', 'aws_efs_file_system'],
        props: { prevent: 'lifecycle.prevent_destroy' },
        check: checkPreventDestroy,
      },
    ],
  },
});
