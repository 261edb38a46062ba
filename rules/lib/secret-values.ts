// Where AWS resources take a secret as a plain property, and whether a written value gives the secret away.
import type { ValueView } from '../api';
import type { TargetSpec } from '../define-rule';
import { hitAt } from './secret-pairs';
import { HOLE, readScriptText } from './script-text';
import { isLiteralText } from './secret-text';
import { isUnknown } from './unknown';

/**
 * Logical keys: `secret`, `nestedSecret` and `writeOnlySecret` (Terraform `*_wo` arguments) the properties holding a
 * secret, `managed` the flag that lets the service keep the password in Secrets Manager instead, `parameterType` the
 * type of an SSM parameter (only a `SecureString`'s value is judged here; plain ones are ssm-parameter-plaintext-secret's).
 */
export type SecretProp = 'secret' | 'nestedSecret' | 'writeOnlySecret' | 'managed' | 'parameterType';

/** Resource types with a secret property, both families (catalogue v2, amended hardcoded-secret row). */
export const SECRET_TARGETS: { cloudformation: TargetSpec<SecretProp>[]; terraform: TargetSpec<SecretProp>[] } = {
  cloudformation: [
    {
      type: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster'],
      props: { secret: 'MasterUserPassword', managed: 'ManageMasterUserPassword' },
    },
    { type: 'AWS::Redshift::Cluster', props: { secret: 'MasterUserPassword', managed: 'ManageMasterPassword' } },
    { type: 'AWS::ElastiCache::ReplicationGroup', props: { secret: 'AuthToken' } },
    { type: 'AWS::SecretsManager::Secret', props: { secret: 'SecretString' } },
    { type: ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD'], props: { secret: 'Password' } },
    { type: 'AWS::DMS::Endpoint', props: { secret: 'Password', nestedSecret: 'MongoDbSettings.Password' } },
    { type: 'AWS::IAM::User', props: { secret: 'LoginProfile.Password' } },
    { type: ['AWS::Amplify::App', 'AWS::Amplify::Branch'], props: { secret: 'BasicAuthConfig.Password' } },
    { type: 'AWS::AmazonMQ::Broker', props: { secret: 'Users[].Password' } },
    {
      type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
      props: { secret: 'AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword' },
    },
  ],
  terraform: [
    { type: 'aws_db_instance', props: { secret: 'password', writeOnlySecret: 'password_wo', managed: 'manage_master_user_password' } },
    {
      type: ['aws_rds_cluster', 'aws_docdb_cluster'],
      props: { secret: 'master_password', writeOnlySecret: 'master_password_wo', managed: 'manage_master_user_password' },
    },
    { type: 'aws_redshift_cluster', props: { secret: 'master_password', writeOnlySecret: 'master_password_wo', managed: 'manage_master_password' } },
    { type: 'aws_elasticache_replication_group', props: { secret: 'auth_token' } },
    { type: 'aws_secretsmanager_secret_version', props: { secret: 'secret_string', writeOnlySecret: 'secret_string_wo' } },
    { type: ['aws_directory_service_directory', 'aws_dms_endpoint'], props: { secret: 'password' } },
    { type: 'aws_mq_broker', props: { secret: 'user[].password' } },
    { type: ['aws_amplify_app', 'aws_amplify_branch'], props: { secret: 'basic_auth_credentials' } },
    {
      type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
      props: { secret: 'advanced_security_options.master_user_options.master_user_password' },
    },
    { type: 'aws_ssm_parameter', props: { secret: 'value', writeOnlySecret: 'value_wo', parameterType: 'type' } },
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

/** How a written secret gives itself away, and where to report it. */
export interface Exposure {
  how: 'literal' | 'default';
  at: ValueView<SecretProp>;
  /** The input whose default holds the secret (`default` only). */
  input?: string;
}

/**
 * How a written secret gives itself away (catalogue v2, clarification 1): `literal` in the resource (or a local),
 * `default` when it is the default of a parameter / variable — `NoEcho` / `sensitive` or not, since the default sits
 * in the file and its history. Undefined for a dynamic reference, an input without a default or with an empty one,
 * anything the file does not decide (a parameter-file / tfvars value included), or an empty value.
 */
export function exposure(value: ValueView<SecretProp>): Exposure | undefined {
  const script = readScriptText(value, { base64: 'never' });
  if (script) {
    const text = script.text;
    // `{{resolve:secretsmanager:...}}` / `{{resolve:ssm-secure:...}}` is read at deploy time, not stored here.
    if (text.includes(HOLE) || !isLiteralText(text)) return undefined;
    const { at, input } = hitAt(value, script, 0, text.length);
    return input !== undefined ? { how: 'default', at: at as ValueView<SecretProp>, input } : { how: 'literal', at: at as ValueView<SecretProp> };
  }
  // A structure (`jsonencode({...})`, a JSON map) counts when every part of it is known and some part is text.
  const written = value.written();
  const structured = written?.kind === 'map' || written?.kind === 'list' || (written?.kind === 'call' && written.fn === 'jsonencode');
  return structured && knownWithText(value.literal()) ? { how: 'literal', at: value } : undefined;
}
