// Databases export their logs (and, where the engine has one, their audit log) to CloudWatch Logs.
import type { ResourceView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'exports' | 'engine' | 'clusterMember';

/** DocumentDB and Neptune clusters: one engine each, whose audit log is the one that matters. */
const AUDIT_ENGINES = new Set(['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'aws_docdb_cluster', 'aws_neptune_cluster']);
/** RDS and Aurora clusters (the engine names of a cluster and an instance differ in what they require). */
const RDS_CLUSTERS = new Set(['AWS::RDS::DBCluster', 'aws_rds_cluster']);

/** What a database must export: the required type, or (`required: false`) the type a fix adds to an empty list. */
interface Need {
  type: string;
  required: boolean;
}

/**
 * The export a database needs, by resource type and engine; undefined for an engine the rule does not know (then only
 * an empty list is judged, without a fix). Per-engine log types: the CloudFormation schema's documentation.
 */
function needOf(resource: ResourceView<Prop>, engine: string | undefined): Need | undefined {
  if (AUDIT_ENGINES.has(resource.type)) return { type: 'audit', required: true };
  if (engine === undefined) return undefined;
  const isCluster = RDS_CLUSTERS.has(resource.type);
  const e = engine.toLowerCase();
  if (e === 'postgres' || e === 'aurora-postgresql') return { type: 'postgresql', required: true };
  // `aurora` is Aurora MySQL version 1; both export an audit log, which is what FSBP RDS.34 asks of a cluster.
  if (isCluster && (e === 'aurora-mysql' || e === 'aurora')) return { type: 'audit', required: true };
  if (e === 'mysql' || e === 'mariadb' || e.startsWith('sqlserver') || e.startsWith('custom-sqlserver')) return { type: 'error', required: false };
  if (e.startsWith('oracle') || e.startsWith('custom-oracle')) return { type: 'alert', required: false };
  if (e.startsWith('db2')) return { type: 'diag.log', required: false };
  return undefined;
}

export default defineRule({
  id: 'db-log-exports',
  meta: {
    title: 'Database logs are exported to CloudWatch Logs',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    related: {
      checkov: ['CKV_AWS_129', 'CKV_AWS_324', 'CKV_AWS_325', 'CKV_AWS_85', 'CKV_AWS_101'],
      kics: [
        '1bf3b3d4-f373-4d7c-afbb-7d85948a67a5',
        '56f6a008-1b14-4af4-b9b2-ab7cf7e27641',
        '45cff7b6-3b80-40c1-ba7b-2cf480678bb8',
        '8d7f7b8c-6c7c-40f8-baa6-62006c6c7b56',
      ],
      tfsec: ['aws-documentdb-enable-log-export', 'aws-neptune-enable-log-export'],
      trivy: ['AVD-AWS-0020', 'AVD-AWS-0075'],
    },
    fsbp: ['RDS.9', 'RDS.34', 'RDS.36', 'RDS.37', 'DocumentDB.4', 'Neptune.2'],
    messages: {
      none: '{{resource}} exports no logs to CloudWatch Logs ({{exports}} is missing or empty): database errors and activity are kept only on the instance, for a short time, and are lost with it.{{auditNote}}',
      withoutType:
        '{{resource}} does not export the {{type}} log ({{exports}}), which records who connected and what they ran; without it the database leaves no audit trail outside itself.{{auditNote}}',
      add: 'Export the {{type}} log',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::RDS::DBInstance', props: { exports: 'EnableCloudwatchLogsExports', engine: 'Engine', clusterMember: 'DBClusterIdentifier' } },
      {
        type: ['AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
        props: { exports: 'EnableCloudwatchLogsExports', engine: 'Engine' },
      },
    ],
    terraform: [
      { type: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster'], props: { exports: 'enabled_cloudwatch_logs_exports', engine: 'engine' } },
      // The Neptune argument is spelled differently.
      { type: 'aws_neptune_cluster', props: { exports: 'enable_cloudwatch_logs_exports', engine: 'engine' } },
    ],
  },
  check(db, report) {
    // Aurora instances: "Not applicable. CloudWatch Logs exports are managed by the DB cluster" (schema).
    if (!db.prop('clusterMember').isMissing()) return;
    const engine = db.prop('engine');
    const exports = db.prop('exports');
    if (exports.isUnresolved()) return;
    const items = exports.literal() === null ? [] : exports.items();
    if (items.some((item) => item.isUnresolved())) return;
    const need = engine.isUnresolved() ? undefined : needOf(db, engine.asString());
    const auditNote = AUDIT_ENGINES.has(db.type) ? ' Audit logs also need the audit parameter of the cluster parameter group.' : '';
    const written = items.map((item) => item.asString());
    if (items.length > 0 && (need === undefined || !need.required || written.includes(need.type))) return;
    report({
      at: exports,
      messageId: items.length === 0 ? 'none' : 'withoutType',
      data: { type: need?.type ?? '', auditNote },
      // Turning on an export is an in-place change without a restart; it adds CloudWatch Logs charges.
      fix: need && {
        messageId: 'add',
        safety: 'safe',
        apply: (f) => (exports.isMissing() || items.length === 0 ? f.set(db, 'exports', [need.type]) : f.append(db, 'exports', need.type)),
      },
    });
  },
});
