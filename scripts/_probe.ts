import { initParsers } from '/work/main/server/src/parsers/index';
import { lintText } from '/work/main/server/src/engine/lint';
const cases: Record<string, string> = {
  deepYamlFlow: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n',
  deepYamlBlock: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X:\n' + Array.from({ length: 10000 }, (_, i) => ' '.repeat(8 + i) + `k${i}:`).join('\n') + ' 1\n',
  deepYamlSeq: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X:\n' + Array.from({ length: 10000 }, (_, i) => ' '.repeat(8 + 2 * i) + `-`).join('\n') + ' 1\n',
  deepJsonArr: '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"X":' + '['.repeat(10000) + ']'.repeat(10000) + '}}}}',
  deepJsonObj: '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"X":' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + '}}}}',
  deepTfJson: '{"resource":{"aws_s3_bucket":{"b":{"x":' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + '}}}}',
  deepHclTuple: 'resource "aws_s3_bucket" "b" {\n  x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\n}\n',
  deepHclObj: 'resource "aws_s3_bucket" "b" {\n  x = ' + '{a = '.repeat(10000) + '1' + '}'.repeat(10000) + '\n}\n',
  deepHclBlocks: 'resource "aws_s3_bucket" "b" {\n' + 'a {\n'.repeat(10000) + '}\n'.repeat(10000) + '}\n',
  deepHclParen: 'resource "aws_s3_bucket" "b" {\n  x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n}\n',
};
(async () => {
  await initParsers();
  for (const [name, text] of Object.entries(cases)) {
    const st = performance.now();
    try {
      const r = lintText(name.includes('Json') && !name.includes('Tf') ? 't.json' : name.includes('TfJson') ? 't.tf.json' : name.includes('Hcl') ? 't.tf' : 't.yaml', text);
      console.log(name, (performance.now() - st).toFixed(0), 'ms', 'findings', r.findings.length, 'errors', r.errors.map((e) => e.message).slice(0, 2), r.ruleFailures.map((f) => f.ruleId + ':' + f.message.split('\n')[0]));
    } catch (e) { console.log(name, 'THREW', (performance.now() - st).toFixed(0), String(e).slice(0, 200)); }
  }
})();
