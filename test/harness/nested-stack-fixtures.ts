// Nested-stack fixtures shared by the CLI tests: a child template whose parameter `Encrypted` decides rds-encryption
// (its default given), and a parent that passes a value to it through a local TemplateURL. YAML and JSON alike.
export const nestedChild = (encryptedDefault: string) => ({
  yaml: `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Encrypted:
    Type: String
    Default: '${encryptedDefault}'
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: !Ref Encrypted
`,
  json: `{
  "Parameters": { "Encrypted": { "Type": "String", "Default": "${encryptedDefault}" } },
  "Resources": {
    "Database": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "mysql",
        "StorageEncrypted": { "Ref": "Encrypted" }
      }
    }
  }
}
`,
});

/** A parent stack passing `enc` as the child's `Encrypted`, the child at `url`. */
export const nestedParent = {
  yaml: (url: string, enc: string) => `Resources:
  Db:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${url}
      Parameters:
        Encrypted: '${enc}'
`,
  json: (url: string, enc: string) => `{
  "Resources": {
    "Db": {
      "Type": "AWS::CloudFormation::Stack",
      "Properties": {
        "TemplateURL": "${url}",
        "Parameters": { "Encrypted": "${enc}" }
      }
    }
  }
}
`,
};
