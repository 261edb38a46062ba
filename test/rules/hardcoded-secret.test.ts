import rule from '../../rules/secrets/hardcoded-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a dynamic reference to Secrets Manager',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              MasterUsername: admin
              MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
      `,
    },
    {
      name: 'a parameter without Default holds no secret in the template',
      code: cfnYaml`
        Parameters:
          AdPassword:
            Type: String
        Resources:
          Directory:
            Type: AWS::DirectoryService::SimpleAD
            Properties:
              Name: corp.example.com
              Password: !Ref AdPassword
              Size: Small
      `,
    },
    {
      name: 'an empty default is no secret',
      code: cfnYaml`
        Parameters:
          Token:
            Type: String
            Default: ''
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: cache
              AuthToken: !Ref Token
      `,
    },
    {
      name: 'a dynamic reference built with Fn::Sub',
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": {
                "Engine": "aurora-postgresql",
                "MasterUserPassword": { "Fn::Sub": "{{resolve:secretsmanager:\${DbSecret}::password}}" }
              }
            },
            "DbSecret": {
              "Type": "AWS::SecretsManager::Secret",
              "Properties": { "GenerateSecretString": { "SecretStringTemplate": "{\\"username\\":\\"admin\\"}", "GenerateStringKey": "password" } }
            }
          }
        }
      `,
    },
    tfHcl`
      resource "aws_db_instance" "db" {
        engine   = "mysql"
        username = "admin"
        password = random_password.db.result
      }
    `,
    {
      name: 'jsonencode of generated values',
      code: tfHcl`
        resource "aws_secretsmanager_secret_version" "db" {
          secret_id     = aws_secretsmanager_secret.db.id
          secret_string = jsonencode({ username = "admin", password = random_password.db.result })
        }
      `,
    },
    tfJson`{"resource":{"aws_elasticache_replication_group":{"cache":{"description":"cache","auth_token":"\${var.token}"}}}}`,
    {
      name: 'a NoEcho parameter without a default is supplied at deploy time',
      code: cfnYaml`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
        Resources:
          Db:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
              MasterUserPassword: !Ref DbPassword
      `,
    },
    {
      name: "a plain SSM parameter is ssm-parameter-plaintext-secret's; a SecureString from a resource is fine",
      code: tfHcl`
        resource "aws_ssm_parameter" "plain" {
          name  = "/prod/greeting"
          type  = "String"
          value = "hello"
        }

        resource "aws_ssm_parameter" "secure" {
          name     = "/prod/db/password"
          type     = "SecureString"
          value_wo = random_password.db.result
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'RDS: the fix lets RDS manage the password',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              MasterUsername: admin
              MasterUserPassword: 'hunter2!' # TODO rotate
              AllocatedStorage: '20'
      `,
      errors: [{ messageId: 'literal', line: 7, column: 27 }],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              MasterUsername: admin
              AllocatedStorage: '20'
              ManageMasterUserPassword: true
      `,
    },
    {
      name: 'through a parameter that is not NoEcho and defaults to the secret',
      code: cfnYaml`
        Parameters:
          MasterPassword:
            Type: String
            Default: 'asDjskjs73!'
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
              MasterUserPassword: !Ref MasterPassword
      `,
      errors: [{ messageId: 'default', line: 10, column: 27 }],
      output: cfnYaml`
        Parameters:
          MasterPassword:
            Type: String
            Default: 'asDjskjs73!'
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
              ManageMasterUserPassword: true
      `,
    },
    {
      name: 'a NoEcho parameter default is written in the file too (clarification 1), also through Fn::Sub',
      code: cfnYaml`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
            Default: changeme-at-deploy
        Resources:
          Directory:
            Type: AWS::DirectoryService::SimpleAD
            Properties:
              Name: corp.example.com
              Password: !Sub '\${DbPassword}'
              Size: Small
      `,
      errors: [{ messageId: 'default', line: 11, column: 17 }],
    },
    {
      name: 'a secret string built with Fn::Sub from a parameter default',
      code: cfnYaml`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
            Default: changeme-at-deploy
        Resources:
          Secret:
            Type: AWS::SecretsManager::Secret
            Properties:
              SecretString: !Sub '{"username":"admin","password":"\${DbPassword}"}'
      `,
      errors: [{ messageId: 'default', line: 10, column: 21 }],
    },
    {
      name: 'a literal in Mappings is written in the file too',
      code: cfnYaml`
        Mappings:
          Env:
            prod:
              Token: mapped-token-123
        Resources:
          Cache:
            Type: AWS::ElastiCache::ReplicationGroup
            Properties:
              ReplicationGroupDescription: cache
              AuthToken: !FindInMap [Env, prod, Token]
      `,
      errors: [{ messageId: 'literal', line: 10, column: 18 }],
    },
    {
      name: 'a nested password (IAM login profile)',
      code: cfnYaml`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile:
                Password: Welcome123!
                PasswordResetRequired: true
      `,
      errors: [{ messageId: 'literal', line: 6, column: 19 }],
    },
    {
      name: 'DMS: both the endpoint and its MongoDB settings',
      code: cfnYaml`
        Resources:
          Source:
            Type: AWS::DMS::Endpoint
            Properties:
              EndpointType: source
              EngineName: mongodb
              Password: s3cr3t-one
              MongoDbSettings:
                Username: reader
                Password: s3cr3t-two
      `,
      errors: [
        { messageId: 'literal', line: 7, column: 17 },
        { messageId: 'nestedLiteral', line: 10, column: 19 },
      ],
    },
    {
      name: 'Amazon MQ: every user',
      code: cfnYaml`
        Resources:
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              Users:
                - Username: admin
                  Password: first-password
                - Username: app
                  Password: !Ref AppPassword
      `,
      errors: [{ messageId: 'literal', line: 7, column: 21 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": {
                "Engine": "aurora-mysql",
                "MasterUsername": "admin",
                "MasterUserPassword": "hunter2!"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'literal', line: 8, column: 31 }],
      output: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": {
                "Engine": "aurora-mysql",
                "MasterUsername": "admin",
                "ManageMasterUserPassword": true
              }
            }
          }
        }
      `,
    },
    {
      name: 'aws_db_instance: the fix lets RDS manage the password',
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine   = "mysql"
          username = "admin"
          password = "hunter2!" # TODO rotate

          allocated_storage = 20
        }
      `,
      errors: [{ messageId: 'literal', line: 4, column: 14 }],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine   = "mysql"
          username = "admin"

          allocated_storage           = 20
          manage_master_user_password = true
        }
      `,
    },
    {
      name: 'a variable that is not sensitive and defaults to the secret, reported at the reference',
      code: tfHcl`
        variable "redis_token" {
          type    = string
          default = "PickSomethingMoreSecure123!"
        }

        resource "aws_elasticache_replication_group" "cache" {
          description = "cache"
          auth_token  = var.redis_token
        }
      `,
      errors: [{ messageId: 'default', line: 8, column: 17 }],
    },
    {
      name: 'a sensitive variable default is written in the file too (clarification 1), also through a local and write-only arguments',
      code: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = true
          default   = "changeme-at-deploy"
        }

        locals {
          password = var.db_password
        }

        resource "aws_rds_cluster" "db" {
          engine             = "aurora-mysql"
          master_password_wo = local.password
        }
      `,
      errors: [{ messageId: 'writeOnlyDefault', line: 13, column: 24 }],
      output: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = true
          default   = "changeme-at-deploy"
        }

        locals {
          password = var.db_password
        }

        resource "aws_rds_cluster" "db" {
          engine                      = "aurora-mysql"
          manage_master_user_password = true
        }
      `,
    },
    {
      name: 'a SecureString parameter with a literal value',
      code: tfHcl`
        resource "aws_ssm_parameter" "db_password" {
          name  = "/prod/db/password"
          type  = "SecureString"
          value = "Sup3rS3cret"
        }
      `,
      errors: [{ messageId: 'literal', line: 4, column: 11 }],
    },
    {
      name: 'jsonencode of literals',
      code: tfHcl`
        resource "aws_secretsmanager_secret_version" "db" {
          secret_id     = aws_secretsmanager_secret.db.id
          secret_string = jsonencode({ username = "admin", password = "hunter2!" })
        }
      `,
      errors: [{ messageId: 'literal', line: 3, column: 19 }],
    },
    {
      code: tfJson`{"resource":{"aws_redshift_cluster":{"dw":{"master_username":"admin","master_password":"Hunter2hunter2"}}}}`,
      errors: [{ messageId: 'literal', line: 1, column: 88 }],
      output: tfJson`{"resource":{"aws_redshift_cluster":{"dw":{"master_username":"admin","manage_master_password":true}}}}`,
    },
    {
      name: 'a literal written to a write-only argument is still in the file',
      code: tfHcl`
        resource "aws_secretsmanager_secret_version" "api" {
          secret_id                = aws_secretsmanager_secret.api.id
          secret_string_wo         = "sk_live_0123456789"
          secret_string_wo_version = 1
        }
      `,
      errors: [{ messageId: 'writeOnlyLiteral', line: 3, column: 30 }],
    },
    {
      name: 'a write-only password in JSON: the fix lets RDS manage the password',
      code: tfJson`
        {
          "resource": {
            "aws_db_instance": {
              "db": {
                "engine": "postgres",
                "username": "admin",
                "password_wo": "hunter2!"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'writeOnlyLiteral', line: 7, column: 24 }],
      output: tfJson`
        {
          "resource": {
            "aws_db_instance": {
              "db": {
                "engine": "postgres",
                "username": "admin",
                "manage_master_user_password": true
              }
            }
          }
        }
      `,
    },
    {
      name: 'aws_rds_cluster in JSON',
      code: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "db": {
                "engine": "aurora-postgresql",
                "master_username": "admin",
                "master_password": "hunter2!"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'literal', line: 7, column: 28 }],
      output: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "db": {
                "engine": "aurora-postgresql",
                "master_username": "admin",
                "manage_master_user_password": true
              }
            }
          }
        }
      `,
    },
    {
      name: 'DMS: MongoDB settings password from a parameter that is not NoEcho and defaults to the secret',
      code: cfnYaml`
        Parameters:
          MongoPassword:
            Type: String
            Default: 'asDjskjs73!'
        Resources:
          Source:
            Type: AWS::DMS::Endpoint
            Properties:
              EndpointType: source
              EngineName: mongodb
              MongoDbSettings:
                Username: reader
                Password: !Ref MongoPassword
      `,
      errors: [{ messageId: 'nestedDefault', line: 13, column: 19 }],
    },
  ],
});
