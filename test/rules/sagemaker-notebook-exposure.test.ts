import rule from '../../rules/sagemaker/sagemaker-notebook-exposure';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'all three set safely, and values from parameters without Default',
      code: cfnYaml`
        Parameters:
          Internet:
            Type: String
          Root:
            Type: String
        Resources:
          Locked:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              SubnetId: subnet-1
              DirectInternetAccess: Disabled
              RootAccess: Disabled
          Chosen:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              SubnetId: !Ref Subnet
              DirectInternetAccess: !Ref Internet
              RootAccess: !Ref Root
      `,
    },
    {
      code: cfnJson`{"Resources":{"N":{"Type":"AWS::SageMaker::NotebookInstance","Properties":{"SubnetId":"subnet-1","DirectInternetAccess":"Disabled","RootAccess":"Disabled"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_sagemaker_notebook_instance" "n" {
          name                   = "n"
          subnet_id              = aws_subnet.private.id
          direct_internet_access = "Disabled"
          root_access            = "Disabled"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_sagemaker_notebook_instance":{"n":{"subnet_id":"\${var.subnet}","direct_internet_access":"\${var.internet}","root_access":"Disabled"}}}}`,
    },
  ],
  invalid: [
    {
      name: 'no subnet and internet access by default: reported without a fix (Disabled needs a subnet)',
      code: cfnYaml`
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              RootAccess: Disabled
      `,
      errors: [
        { messageId: 'internetMissing', line: 2 },
        { messageId: 'noSubnet', line: 2 },
      ],
    },
    {
      name: 'in a subnet, internet and root Enabled',
      code: cfnYaml`
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              SubnetId: subnet-1
              DirectInternetAccess: Enabled
              RootAccess: Enabled
      `,
      errors: [
        { messageId: 'internetEnabled', line: 7, column: 29 },
        { messageId: 'rootEnabled', line: 8, column: 19 },
      ],
      output: cfnYaml`
        Resources:
          Notebook:
            Type: AWS::SageMaker::NotebookInstance
            Properties:
              InstanceType: ml.t3.medium
              SubnetId: subnet-1
              DirectInternetAccess: Disabled
              RootAccess: Disabled
      `,
    },
    {
      code: cfnJson`{"Resources":{"N":{"Type":"AWS::SageMaker::NotebookInstance","Properties":{"SubnetId":"subnet-1","DirectInternetAccess":"Disabled"}}}}`,
      errors: [{ messageId: 'rootMissing', line: 1 }],
      output: cfnJson`{"Resources":{"N":{"Type":"AWS::SageMaker::NotebookInstance","Properties":{"SubnetId":"subnet-1","DirectInternetAccess":"Disabled","RootAccess":"Disabled"}}}}`,
    },
    {
      name: 'subnet null (Terraform: not set): reported at the null, and no fix for internet access',
      code: tfHcl`
        resource "aws_sagemaker_notebook_instance" "bare" {
          name          = "bare"
          instance_type = "ml.t3.medium"
          root_access   = "Disabled"
          subnet_id     = null
        }
      `,
      errors: [
        { messageId: 'internetMissing', line: 1 },
        { messageId: 'noSubnet', line: 5 },
      ],
    },
    {
      name: 'in a subnet, internet access by default, root missing',
      code: tfHcl`
        resource "aws_sagemaker_notebook_instance" "subnet" {
          name      = "subnet"
          subnet_id = aws_subnet.private.id
        }
      `,
      errors: [
        { messageId: 'internetMissing', line: 1 },
        { messageId: 'rootMissing', line: 1 },
      ],
      output: tfHcl`
        resource "aws_sagemaker_notebook_instance" "subnet" {
          name                   = "subnet"
          subnet_id              = aws_subnet.private.id
          direct_internet_access = "Disabled"
          root_access            = "Disabled"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_sagemaker_notebook_instance":{"n":{"subnet_id":"subnet-1","direct_internet_access":"Enabled","root_access":"Disabled"}}}}`,
      errors: [{ messageId: 'internetEnabled', line: 1 }],
      output: tfJson`{"resource":{"aws_sagemaker_notebook_instance":{"n":{"subnet_id":"subnet-1","direct_internet_access":"Disabled","root_access":"Disabled"}}}}`,
    },
  ],
});
