// Redshift clusters keep audit logs (connections, users, user activity) outside the cluster.
import { defineRule } from '../define-rule';

/** What the fix turns on: every audit log Redshift writes. */
const LOG_EXPORTS = ['connectionlog', 'userlog', 'useractivitylog'];

export default defineRule({
  id: 'redshift-audit-logging',
  meta: {
    title: 'Redshift audit logging is enabled',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
    related: {
      checkov: ['CKV_AWS_71'],
      kics: ['3de2d4ff-fe53-4fc9-95d3-2f8a69bf90d6', '15ffbacc-fa42-4f6f-a57d-2feac7365caa'],
    },
    fsbp: ['Redshift.4'],
    messages: {
      missing: '{{resource}} has no audit logging: connections, user changes and queries are not recorded outside the cluster.',
      noBucket: '{{resource}} sends audit logs to S3 but names no {{bucket}}, so no log is delivered.',
      inlineDisabled: '{{resource}} sets {{inlineEnable}} to false: connections, user changes and queries are not recorded outside the cluster.',
      toCloudWatch:
        'Send connection, user and user-activity logs to CloudWatch Logs (user-activity logs also need enable_user_activity_logging in the parameter group)',
      addLogging:
        'Add an aws_redshift_logging resource sending connection, user and user-activity logs to CloudWatch Logs (user-activity logs also need enable_user_activity_logging in the parameter group)',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Redshift::Cluster',
        props: {
          logging: 'LoggingProperties',
          destination: 'LoggingProperties.LogDestinationType',
          bucket: 'LoggingProperties.BucketName',
          exports: 'LoggingProperties.LogExports',
        },
      },
    ],
    // `logging` is the provider 5.x inline block (removed in 6.x, where aws_redshift_logging replaces it).
    terraform: [
      {
        type: 'aws_redshift_cluster',
        props: { name: 'cluster_identifier', inline: 'logging', inlineEnable: 'logging.enable', count: 'count', forEach: 'for_each' },
      },
    ],
  },
  companions: {
    logging: {
      terraform: {
        type: 'aws_redshift_logging',
        props: { cluster: 'cluster_identifier', destination: 'log_destination_type', exports: 'log_exports' },
      },
    },
  },
  check(cluster, report, ctx) {
    if (cluster.family === 'cloudformation') {
      const logging = cluster.prop('logging');
      if (logging.isUnresolved()) return;
      if (logging.isMissing()) {
        report({
          at: logging,
          messageId: 'missing',
          // Adds logs and their cost; changes no access and replaces nothing.
          fix: {
            messageId: 'toCloudWatch',
            safety: 'safe',
            apply: (f) => f.set(cluster, 'logging', { LogDestinationType: 'cloudwatch', LogExports: LOG_EXPORTS }),
          },
        });
        return;
      }
      const destination = cluster.prop('destination');
      const bucket = cluster.prop('bucket');
      if (destination.isUnresolved() || bucket.isUnresolved()) return;
      // A missing destination type is S3 (the API default), which needs a bucket.
      const toS3 = destination.isMissing() || destination.asString() === 's3';
      if (!toS3 || (!bucket.isMissing() && bucket.asString()?.trim() !== '')) return;
      report({
        at: destination.isMissing() ? logging : destination,
        messageId: 'noBucket',
        fix: {
          messageId: 'toCloudWatch',
          // Moves delivery to another service: the log readers must follow.
          safety: 'review',
          apply: (f) => {
            f.set(cluster, 'destination', 'cloudwatch');
            if (cluster.prop('exports').isMissing()) f.set(cluster, 'exports', LOG_EXPORTS);
          },
        },
      });
      return;
    }
    // Terraform: the provider 5.x inline block, or a separate aws_redshift_logging for this cluster.
    const inlineEnable = cluster.prop('inlineEnable');
    if (inlineEnable.isUnresolved() || inlineEnable.asBoolean() === true) return;
    if (ctx.referencing('logging', 'cluster', cluster).length > 0) return;
    // A logging resource whose cluster comes through something unresolved may be this cluster's.
    if (ctx.companions('logging').some((l) => l.prop('cluster').isReference() && l.prop('cluster').isUnresolved())) return;
    if (!cluster.prop('inline').isMissing()) {
      // No fix: with the inline block in place, a separate aws_redshift_logging would fight it on every apply.
      if (inlineEnable.asBoolean() === false) report({ at: inlineEnable, messageId: 'inlineDisabled' });
      return;
    }
    // A counted / for_each cluster is addressed by index, which a generated reference cannot know.
    const indexed = !cluster.prop('count').isMissing() || !cluster.prop('forEach').isMissing();
    report({
      at: cluster,
      messageId: 'missing',
      fix: indexed
        ? undefined
        : {
            messageId: 'addLogging',
            safety: 'safe',
            apply: (f) => f.insertCompanion('logging', cluster, { cluster: f.ref(cluster, 'id'), destination: 'cloudwatch', exports: LOG_EXPORTS }),
          },
    });
  },
});
