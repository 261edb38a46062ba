import rule from '../../rules/ec2/ec2-userdata-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the script reads its secret at boot',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              UserData: !Base64 |
                #!/bin/bash
                export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)
                export DB_PASSWORD_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db
                SECRET_NAME=prod/db
                TOKEN=$(curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
                curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id
                python3 -c 'import os; password = os.environ["DB_PASSWORD"]'
      `,
    },
    {
      name: 'a parameter without a default, and one with an empty default, are supplied at deploy time',
      code: cfnYaml`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
          ApiToken:
            Type: String
            Default: ''
        Resources:
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                UserData:
                  Fn::Base64: !Sub |
                    #!/bin/bash
                    export DB_PASSWORD=\${DbPassword}
                    export API_TOKEN=\${ApiToken}
                    export STACK_TOKEN=\${AWS::StackName}
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Config": {
            "Type": "AWS::AutoScaling::LaunchConfiguration",
            "Properties": {
              "ImageId": "ami-12345678",
              "InstanceType": "t3.micro",
              "UserData": { "Fn::Base64": { "Fn::Join": ["", ["#!/bin/bash\\n", "export GITHUB_TOKEN=", { "Fn::GetAtt": ["Token", "Value"] }, "\\n"]] } }
            }
          }
        }
      }
    `,
    {
      name: 'file(), templatefile() and resource attributes are not read',
      code: tfHcl`
        resource "aws_instance" "a" {
          ami       = "ami-12345678"
          user_data = templatefile("boot.sh", { db_password = "not-read-here" })
        }

        resource "aws_instance" "b" {
          ami       = "ami-12345678"
          user_data = "export DB_PASSWORD=\${random_password.db.result}"
        }
      `,
    },
    {
      name: 'a variable without a default',
      code: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = true
        }

        resource "aws_launch_template" "t" {
          user_data = base64encode(<<-EOF
            #!/bin/bash
            export DB_PASSWORD=\${var.db_password}
          EOF
          )
        }
      `,
    },
    tfJson`{"resource":{"aws_launch_configuration":{"c":{"image_id":"ami-12345678","instance_type":"t3.micro","user_data":"#!/bin/bash\\nexport TOKEN_TTL=3600\\n"}}}}`,
  ],
  invalid: [
    {
      name: 'a literal assigned to a secret-like name',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              UserData: !Base64 |
                #!/bin/bash
                export DB_PASSWORD=Sup3rS3cret
      `,
      errors: [{ messageId: 'literal', line: 6, column: 17 }],
    },
    {
      name: 'a NoEcho parameter default is still written in the file (clarification 1)',
      code: cfnYaml`
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
            Default: Sup3rS3cret
        Resources:
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                UserData:
                  Fn::Base64: !Sub |
                    #!/bin/bash
                    echo "db_password: \${DbPassword}" > /etc/app.yaml
      `,
      errors: [{ messageId: 'literalDefault', line: 12, column: 23 }],
    },
    {
      name: 'a plain base64 string that decodes to a script with an access key id',
      code: cfnJson`
        {
          "Resources": {
            "Web": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "ImageId": "ami-12345678",
                "UserData": "IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExFCg=="
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'secretValue', line: 7, column: 21 }],
    },
    {
      name: 'Fn::Join parts',
      code: cfnJson`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::AutoScaling::LaunchConfiguration",
              "Properties": {
                "ImageId": "ami-12345678",
                "InstanceType": "t3.micro",
                "UserData": { "Fn::Base64": { "Fn::Join": ["", ["#!/bin/bash\\n", "export API_KEY=", "abc123def456", "\\n"]] } }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'literal', line: 8, column: 21 }],
    },
    {
      name: 'a heredoc with a private key',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami       = "ami-12345678"
          user_data = <<-EOF
            #!/bin/bash
            cat > /root/.ssh/id_rsa <<KEY
            -----BEGIN RSA PRIVATE KEY-----
            MIIEpAIBAAKCAQEA
            -----END RSA PRIVATE KEY-----
            KEY
          EOF
        }
      `,
      errors: [{ messageId: 'secretValue', line: 3, column: 15 }],
    },
    {
      name: 'a sensitive variable default through interpolation, and a literal user_data_base64',
      code: tfHcl`
        variable "api_token" {
          type      = string
          sensitive = true
          default   = "tok-123456"
        }

        resource "aws_launch_configuration" "c" {
          image_id         = "ami-12345678"
          instance_type    = "t3.micro"
          user_data_base64 = base64encode("export API_TOKEN=\${var.api_token}")
        }

        resource "aws_launch_template" "t" {
          user_data = "ZXhwb3J0IEFQSV9LRVk9YWJjZGVmMTIz"
        }
      `,
      errors: [
        { messageId: 'literalDefault', line: 10, column: 35 },
        { messageId: 'literal', line: 14, column: 15 },
      ],
    },
    {
      name: 'a local is written in the file too',
      code: tfJson`
        {
          "locals": { "secret_key": "wJalrXUtnFEMI" },
          "resource": { "aws_instance": { "web": { "ami": "ami-12345678", "user_data": "#!/bin/bash\\nexport AWS_SECRET_KEY=\${local.secret_key}\\n" } } }
        }
      `,
      errors: [{ messageId: 'literal', line: 3, column: 80 }],
    },
    {
      name: 'an access key id in a parameter default, read through Fn::Sub (clarification 1)',
      code: cfnJson`
        {
          "Parameters": { "UploadKeyId": { "Type": "String", "NoEcho": true, "Default": "AKIAIOSFODNN7EXAMPLE" } },
          "Resources": {
            "Web": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "ImageId": "ami-12345678",
                "UserData": { "Fn::Base64": { "Fn::Sub": "#!/bin/bash\\necho \${UploadKeyId} > /etc/uploader\\n" } }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 8, column: 37 }],
    },
    {
      name: 'a private key in a variable default, interpolated into user_data',
      code: tfJson`
        {
          "variable": { "ssh_key": { "default": "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----" } },
          "resource": { "aws_instance": { "web": { "ami": "ami-12345678", "user_data": "#!/bin/bash\\necho '\${var.ssh_key}' > /root/.ssh/id_ed25519\\n" } } }
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 3, column: 80 }],
    },
  ],
});
