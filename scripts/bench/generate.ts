// Deterministic benchmark inputs built from realistic AWS resources: CloudFormation YAML and JSON templates of a
// given line count, one Terraform file of a given size, and a multi-file Terraform module. No randomness: the same
// arguments always give the same bytes, so figures from different runs and machines compare like for like.

/** One CloudFormation resource as the YAML lines of its `Resources` entry (two-space indented). */
function cfnYamlResource(i: number): string[] {
  const az = `eu-west-1${'abc'[i % 3]}`;
  switch (i % 8) {
    case 0:
      return [
        `  DataBucket${i}:`,
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        `      BucketName: !Sub "\${AWS::StackName}-data-${i}"`,
        '      VersioningConfiguration:',
        `        Status: ${i % 3 === 0 ? 'Suspended' : 'Enabled'}`,
        '      BucketEncryption:',
        '        ServerSideEncryptionConfiguration:',
        '          - ServerSideEncryptionByDefault:',
        '              SSEAlgorithm: aws:kms',
        `              KMSMasterKeyID: !Ref Key${i % 16}`,
        '      Tags:',
        '        - Key: Owner',
        '          Value: platform',
        '        - Key: Environment',
        '          Value: !Ref Environment',
      ];
    case 1:
      return [
        `  WebGroup${i}:`,
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        `      GroupDescription: Web tier ${i}`,
        '      VpcId: !Ref VpcId',
        '      SecurityGroupIngress:',
        '        - IpProtocol: tcp',
        '          FromPort: 443',
        '          ToPort: 443',
        '          CidrIp: 0.0.0.0/0',
        '        - IpProtocol: tcp',
        `          FromPort: ${i % 2 === 0 ? 22 : 8080}`,
        `          ToPort: ${i % 2 === 0 ? 22 : 8080}`,
        `          CidrIp: ${i % 4 === 1 ? '0.0.0.0/0' : `10.${i % 250}.0.0/16`}`,
      ];
    case 2:
      return [
        `  Database${i}:`,
        '    Type: AWS::RDS::DBInstance',
        '    DeletionPolicy: Snapshot',
        '    Properties:',
        '      Engine: postgres',
        '      EngineVersion: "15.4"',
        '      DBInstanceClass: db.t3.medium',
        `      AllocatedStorage: ${20 + (i % 80)}`,
        `      StorageEncrypted: ${i % 3 !== 0}`,
        `      PubliclyAccessible: ${i % 5 === 0}`,
        `      BackupRetentionPeriod: ${i % 4 === 0 ? 0 : 7}`,
        '      MasterUsername: !Ref DbUser',
        '      MasterUserPassword: !Ref DbPassword',
        '      DBSubnetGroupName: !Ref SubnetGroup',
      ];
    case 3:
      return [
        `  AppRole${i}:`,
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Version: "2012-10-17"',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal:',
        '              Service: lambda.amazonaws.com',
        '            Action: sts:AssumeRole',
        '      Policies:',
        `        - PolicyName: app-${i}`,
        '          PolicyDocument:',
        '            Version: "2012-10-17"',
        '            Statement:',
        '              - Effect: Allow',
        `                Action: ${i % 3 === 0 ? '"*"' : 's3:GetObject'}`,
        `                Resource: !Sub "arn:aws:s3:::\${AWS::StackName}-data-${i}/*"`,
      ];
    case 4:
      return [
        `  Volume${i}:`,
        '    Type: AWS::EC2::Volume',
        '    Properties:',
        `      AvailabilityZone: ${az}`,
        `      Size: ${10 + (i % 90)}`,
        `      Encrypted: ${i % 2 === 0}`,
        '      VolumeType: gp3',
      ];
    case 5:
      return [
        `  Table${i}:`,
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        `      TableName: !Sub "\${Environment}-table-${i}"`,
        '      BillingMode: PAY_PER_REQUEST',
        '      AttributeDefinitions:',
        '        - AttributeName: pk',
        '          AttributeType: S',
        '      KeySchema:',
        '        - AttributeName: pk',
        '          KeyType: HASH',
        '      PointInTimeRecoverySpecification:',
        `        PointInTimeRecoveryEnabled: ${i % 3 !== 0}`,
      ];
    case 6:
      return [
        `  Instance${i}:`,
        '    Type: AWS::EC2::Instance',
        '    Properties:',
        '      ImageId: !Ref AmiId',
        '      InstanceType: t3.micro',
        '      SubnetId: !Ref SubnetId',
        `      SecurityGroupIds: [!GetAtt WebGroup${i - 5}.GroupId]`,
        '      MetadataOptions:',
        `        HttpTokens: ${i % 2 === 0 ? 'required' : 'optional'}`,
        '      BlockDeviceMappings:',
        '        - DeviceName: /dev/xvda',
        '          Ebs:',
        '            VolumeSize: 20',
        `            Encrypted: ${i % 3 === 0}`,
      ];
    default:
      return [
        `  Key${i % 16}x${i}:`,
        '    Type: AWS::KMS::Key',
        '    Properties:',
        `      Description: Key ${i}`,
        `      EnableKeyRotation: ${i % 2 === 0}`,
        '      KeyPolicy:',
        '        Version: "2012-10-17"',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal:',
        '              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"',
        '            Action: kms:*',
        '            Resource: "*"',
      ];
  }
}

const CFN_YAML_HEADER = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Description: Generated benchmark template',
  'Parameters:',
  '  Environment:',
  '    Type: String',
  '    Default: prod',
  '  VpcId:',
  '    Type: AWS::EC2::VPC::Id',
  '  SubnetId:',
  '    Type: String',
  '  AmiId:',
  '    Type: AWS::EC2::Image::Id',
  '  DbUser:',
  '    Type: String',
  '  DbPassword:',
  '    Type: String',
  '    NoEcho: true',
  '  SubnetGroup:',
  '    Type: String',
  'Resources:',
];

/** A CloudFormation YAML template of `lines` lines (give or take one resource), cycling through eight resource kinds. */
export function cfnYaml(lines: number): string {
  const out = [...CFN_YAML_HEADER];
  // The key resources referenced by !Ref Key<n> come first so every reference resolves.
  for (let k = 0; k < 16; k++)
    out.push(`  Key${k}:`, '    Type: AWS::KMS::Key', '    Properties:', `      Description: Bucket key ${k}`, '      EnableKeyRotation: true');
  for (let i = 0; out.length < lines; i++) out.push(...cfnYamlResource(i));
  return out.join('\n') + '\n';
}

/** The same kinds of resources as a JSON object tree (long-form intrinsics). */
function cfnJsonResource(i: number): [string, unknown] {
  const tags = [
    { Key: 'Owner', Value: 'platform' },
    { Key: 'Environment', Value: { Ref: 'Environment' } },
  ];
  switch (i % 6) {
    case 0:
      return [
        `DataBucket${i}`,
        {
          Type: 'AWS::S3::Bucket',
          Properties: {
            BucketName: { 'Fn::Sub': `\${AWS::StackName}-data-${i}` },
            VersioningConfiguration: { Status: i % 3 === 0 ? 'Suspended' : 'Enabled' },
            BucketEncryption: {
              ServerSideEncryptionConfiguration: [
                { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: `Key${i % 16}` } } },
              ],
            },
            Tags: tags,
          },
        },
      ];
    case 1:
      return [
        `WebGroup${i}`,
        {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            GroupDescription: `Web tier ${i}`,
            VpcId: { Ref: 'VpcId' },
            SecurityGroupIngress: [
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
              {
                IpProtocol: 'tcp',
                FromPort: i % 2 === 0 ? 22 : 8080,
                ToPort: i % 2 === 0 ? 22 : 8080,
                CidrIp: i % 4 === 1 ? '0.0.0.0/0' : `10.${i % 250}.0.0/16`,
              },
            ],
          },
        },
      ];
    case 2:
      return [
        `Database${i}`,
        {
          Type: 'AWS::RDS::DBInstance',
          DeletionPolicy: 'Snapshot',
          Properties: {
            Engine: 'postgres',
            EngineVersion: '15.4',
            DBInstanceClass: 'db.t3.medium',
            AllocatedStorage: 20 + (i % 80),
            StorageEncrypted: i % 3 !== 0,
            PubliclyAccessible: i % 5 === 0,
            BackupRetentionPeriod: i % 4 === 0 ? 0 : 7,
            MasterUsername: { Ref: 'DbUser' },
            MasterUserPassword: { Ref: 'DbPassword' },
          },
        },
      ];
    case 3:
      return [
        `AppRole${i}`,
        {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            },
            Policies: [
              {
                PolicyName: `app-${i}`,
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: i % 3 === 0 ? '*' : 's3:GetObject', Resource: '*' }],
                },
              },
            ],
          },
        },
      ];
    case 4:
      return [
        `Volume${i}`,
        { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10 + (i % 90), Encrypted: i % 2 === 0, VolumeType: 'gp3' } },
      ];
    default:
      return [
        `Table${i}`,
        {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            TableName: { 'Fn::Sub': `\${Environment}-table-${i}` },
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: i % 3 !== 0 },
          },
        },
      ];
  }
}

/** A CloudFormation JSON template (2-space `JSON.stringify`) of about `lines` lines. */
export function cfnJson(lines: number): string {
  const resources: Record<string, unknown> = {};
  for (let k = 0; k < 16; k++)
    resources[`Key${k}`] = { Type: 'AWS::KMS::Key', Properties: { Description: `Bucket key ${k}`, EnableKeyRotation: true } };
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Generated benchmark template',
    Parameters: {
      Environment: { Type: 'String', Default: 'prod' },
      VpcId: { Type: 'AWS::EC2::VPC::Id' },
      DbUser: { Type: 'String' },
      DbPassword: { Type: 'String', NoEcho: true },
    },
    Resources: resources,
  };
  // Counting lines per resource avoids re-serialising the whole template after each addition.
  let count = JSON.stringify(template, null, 2).split('\n').length;
  for (let i = 0; count < lines; i++) {
    const [name, body] = cfnJsonResource(i);
    resources[name] = body;
    count += JSON.stringify({ [name]: body }, null, 2).split('\n').length - 2;
  }
  return JSON.stringify(template, null, 2) + '\n';
}

/** One Terraform resource (plus a blank line) of the kinds the rules look at. */
function tfResource(i: number, prefix = ''): string[] {
  const n = `${prefix}${i}`;
  switch (i % 7) {
    case 0:
      return [
        `resource "aws_s3_bucket" "data_${n}" {`,
        `  bucket = "\${var.environment}-data-${n}"`,
        '  tags = merge(local.common_tags, {',
        `    Name = "data-${n}"`,
        '  })',
        '}',
        '',
        `resource "aws_s3_bucket_versioning" "data_${n}" {`,
        `  bucket = aws_s3_bucket.data_${n}.id`,
        '  versioning_configuration {',
        `    status = "${i % 3 === 0 ? 'Suspended' : 'Enabled'}"`,
        '  }',
        '}',
        '',
      ];
    case 1:
      return [
        `resource "aws_security_group" "web_${n}" {`,
        `  name        = "web-${n}"`,
        '  description = "Web tier"',
        '  vpc_id      = var.vpc_id',
        '',
        '  ingress {',
        '    from_port   = 443',
        '    to_port     = 443',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '',
        '  ingress {',
        `    from_port   = ${i % 2 === 0 ? 22 : 8080}`,
        `    to_port     = ${i % 2 === 0 ? 22 : 8080}`,
        '    protocol    = "tcp"',
        `    cidr_blocks = ["${i % 4 === 1 ? '0.0.0.0/0' : `10.${i % 250}.0.0/16`}"]`,
        '  }',
        '}',
        '',
      ];
    case 2:
      return [
        `resource "aws_db_instance" "db_${n}" {`,
        `  identifier              = "db-${n}"`,
        '  engine                  = "postgres"',
        '  instance_class          = "db.t3.medium"',
        `  allocated_storage       = ${20 + (i % 80)}`,
        `  storage_encrypted       = ${i % 3 !== 0}`,
        `  publicly_accessible     = ${i % 5 === 0}`,
        `  backup_retention_period = ${i % 4 === 0 ? 0 : 7}`,
        '  username                = var.db_user',
        '  password                = var.db_password',
        '}',
        '',
      ];
    case 3:
      return [
        `resource "aws_iam_role_policy" "app_${n}" {`,
        `  name = "app-${n}"`,
        '  role = var.role_id',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect   = "Allow"',
        `      Action   = "${i % 3 === 0 ? '*' : 's3:GetObject'}"`,
        '      Resource = "*"',
        '    }]',
        '  })',
        '}',
        '',
      ];
    case 4:
      return [
        `resource "aws_ebs_volume" "vol_${n}" {`,
        '  availability_zone = "eu-west-1a"',
        `  size              = ${10 + (i % 90)}`,
        `  encrypted         = ${i % 2 === 0}`,
        '  type              = "gp3"',
        '}',
        '',
      ];
    case 5:
      return [
        `resource "aws_instance" "app_${n}" {`,
        '  ami           = var.ami_id',
        '  instance_type = "t3.micro"',
        '  subnet_id     = var.subnet_id',
        '',
        '  metadata_options {',
        `    http_tokens = "${i % 2 === 0 ? 'required' : 'optional'}"`,
        '  }',
        '',
        '  root_block_device {',
        '    volume_size = 20',
        `    encrypted   = ${i % 3 === 0}`,
        '  }',
        '}',
        '',
      ];
    default:
      return [
        `resource "aws_dynamodb_table" "table_${n}" {`,
        `  name         = "\${var.environment}-table-${n}"`,
        '  billing_mode = "PAY_PER_REQUEST"',
        '  hash_key     = "pk"',
        '',
        '  attribute {',
        '    name = "pk"',
        '    type = "S"',
        '  }',
        '',
        '  point_in_time_recovery {',
        `    enabled = ${i % 3 !== 0}`,
        '  }',
        '}',
        '',
      ];
  }
}

const TF_PRELUDE = [
  'variable "environment" {',
  '  type    = string',
  '  default = "prod"',
  '}',
  '',
  'variable "vpc_id" {',
  '  type = string',
  '}',
  '',
  'variable "subnet_id" {',
  '  type = string',
  '}',
  '',
  'variable "ami_id" {',
  '  type = string',
  '}',
  '',
  'variable "role_id" {',
  '  type = string',
  '}',
  '',
  'variable "db_user" {',
  '  type = string',
  '}',
  '',
  'variable "db_password" {',
  '  type      = string',
  '  sensitive = true',
  '}',
  '',
  'locals {',
  '  common_tags = {',
  '    Owner       = "platform"',
  '    Environment = var.environment',
  '  }',
  '}',
  '',
];

/** One Terraform file of at least `bytes` bytes (whole resources), with its variables and locals. */
export function tfFile(bytes: number): string {
  const out = [...TF_PRELUDE];
  let size = out.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const block = tfResource(i);
    out.push(...block);
    size += block.join('\n').length + 1;
  }
  return out.join('\n');
}

/**
 * A Terraform module of `files` files: variables.tf holds the variables and locals the others use, and each other
 * file about `bytesPerFile` bytes of resources (names prefixed per file so addresses stay unique across the module).
 */
export function tfModule(files: number, bytesPerFile: number): { name: string; text: string }[] {
  const out = [{ name: 'variables.tf', text: TF_PRELUDE.join('\n') }];
  for (let f = 1; f < files; f++) {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < bytesPerFile; i++) {
      const block = tfResource(i, `f${f}_`);
      lines.push(...block);
      size += block.join('\n').length + 1;
    }
    out.push({ name: `part-${String(f).padStart(2, '0')}.tf`, text: lines.join('\n') });
  }
  return out;
}

/**
 * One resource whose every judged argument and tag is its own conditional on its own variable (`n` in all): the
 * variant expansion must stay bounded (issue 11), since only the conditions a rule reads are expanded.
 */
export function tfConditionals(n: number): string {
  const vars = Array.from({ length: n }, (_, i) => `variable "c${i}" {\n  type = bool\n}\n`).join('\n');
  const args = [
    'storage_encrypted',
    'publicly_accessible',
    'deletion_protection',
    'multi_az',
    'iam_database_authentication_enabled',
    'auto_minor_version_upgrade',
    'copy_tags_to_snapshot',
    'performance_insights_enabled',
  ].slice(0, n);
  const lines = args.map((a, i) => `  ${a} = var.c${i} ? true : false`);
  const tags = Array.from({ length: n - args.length }, (_, i) => `    t${i} = var.c${i + args.length} ? "a" : "b"`);
  return `${vars}\nresource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n${lines.join('\n')}\n  tags = {\n${tags.join('\n')}\n  }\n}\n`;
}
