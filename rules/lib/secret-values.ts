// Where AWS resources take a secret as a plain property, and whether a written value gives the secret away.
import type { ValueView } from '../api';
import type { TargetSpec } from '../define-rule';
import { isUnknown } from './unknown';

/**
 * Logical keys: `secret` (and `nestedSecret`) the property holding a secret, `managed` the flag that lets RDS keep the
 * password in Secrets Manager instead, `noEcho` how a parameter/variable declaration is read when the secret
 * comes from one (CloudFormation `NoEcho`, Terraform `sensitive`).
 */
export type SecretProp = 'secret' | 'nestedSecret' | 'managed' | 'noEcho';

const cfnEcho = { noEcho: 'NoEcho' } as const;
const tfEcho = { noEcho: 'sensitive' } as const;

/** Resource types with a secret property, both families. */
export const SECRET_TARGETS: { cloudformation: TargetSpec<SecretProp>[]; terraform: TargetSpec<SecretProp>[] } = {
  cloudformation: [
    { type: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], props: { secret: 'MasterUserPassword', managed: 'ManageMasterUserPassword', ...cfnEcho } },
    { type: ['AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster'], props: { secret: 'MasterUserPassword', ...cfnEcho } },
    { type: 'AWS::ElastiCache::ReplicationGroup', props: { secret: 'AuthToken', ...cfnEcho } },
    { type: 'AWS::SecretsManager::Secret', props: { secret: 'SecretString', ...cfnEcho } },
    { type: ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD'], props: { secret: 'Password', ...cfnEcho } },
    { type: 'AWS::DMS::Endpoint', props: { secret: 'Password', nestedSecret: 'MongoDbSettings.Password', ...cfnEcho } },
    { type: 'AWS::IAM::User', props: { secret: 'LoginProfile.Password', ...cfnEcho } },
    { type: ['AWS::Amplify::App', 'AWS::Amplify::Branch'], props: { secret: 'BasicAuthConfig.Password', ...cfnEcho } },
    { type: 'AWS::AmazonMQ::Broker', props: { secret: 'Users[].Password', ...cfnEcho } },
    {
      type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
      props: { secret: 'AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword', ...cfnEcho },
    },
  ],
  terraform: [
    { type: 'aws_db_instance', props: { secret: 'password', managed: 'manage_master_user_password', ...tfEcho } },
    { type: 'aws_rds_cluster', props: { secret: 'master_password', managed: 'manage_master_user_password', ...tfEcho } },
    { type: ['aws_redshift_cluster', 'aws_docdb_cluster'], props: { secret: 'master_password', ...tfEcho } },
    { type: 'aws_elasticache_replication_group', props: { secret: 'auth_token', ...tfEcho } },
    { type: 'aws_secretsmanager_secret_version', props: { secret: 'secret_string', ...tfEcho } },
    { type: ['aws_directory_service_directory', 'aws_dms_endpoint'], props: { secret: 'password', ...tfEcho } },
    { type: 'aws_mq_broker', props: { secret: 'user[].password', ...tfEcho } },
    { type: ['aws_amplify_app', 'aws_amplify_branch'], props: { secret: 'basic_auth_credentials', ...tfEcho } },
    {
      type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
      props: { secret: 'advanced_security_options.master_user_options.master_user_password', ...tfEcho },
    },
  ],
};

/** Whether a JSON value is fully known and holds some non-empty text (`jsonencode({ password = "..." })`). */
function knownWithText(value: unknown): boolean {
  const leaves: unknown[] = [];
  const walk = (v: unknown): boolean => {
    if (isUnknown(v)) return false;
    if (Array.isArray(v)) return v.every(walk);
    if (v !== null && typeof v === 'object') return Object.values(v).every(walk);
    leaves.push(v);
    return true;
  };
  return walk(value) && leaves.some((l) => typeof l === 'string' && l.trim() !== '');
}

/**
 * How a written secret gives itself away: `literal` in the resource, `default` through a parameter/variable that
 * is not NoEcho/sensitive and defaults to it, or undefined (a dynamic reference, a NoEcho parameter, anything the
 * engine cannot see through, or an empty value).
 */
export function exposure(value: ValueView<SecretProp>): 'literal' | 'default' | undefined {
  const input = value.input();
  // A NoEcho parameter / sensitive variable is the intended way in, whatever its default.
  if (input?.prop('noEcho').asBoolean() === true) return undefined;
  const text = value.asString();
  const exposed =
    text !== undefined
      ? // `{{resolve:secretsmanager:...}}` / `{{resolve:ssm-secure:...}}` is read at deploy time, not stored here.
        text.trim() !== '' && !text.includes('{{resolve:')
      : // A template string (`"${...}"`) reads as its text: only a structure counts (`jsonencode({...})`).
        typeof value.literal() === 'object' && knownWithText(value.literal());
  if (!exposed) return undefined;
  return input ? 'default' : 'literal';
}
