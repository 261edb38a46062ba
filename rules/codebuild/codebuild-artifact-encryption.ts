// CodeBuild projects keep encryption on for the build artifacts they write to S3.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'codebuild-artifact-encryption',
  meta: {
    title: 'CodeBuild S3 artifacts are encrypted',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html',
    related: {
      checkov: ['CKV_AWS_78'],
      tfsec: ['aws-codebuild-enable-encryption'],
      trivy: ['AVD-AWS-0018'],
    },
    messages: {
      disabled: '{{resource}} sets {{disabled}} to true on an S3 artifact, so the build output is stored unencrypted.',
      enable: 'Remove {{disabled}} (encrypt the artifacts)',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::CodeBuild::Project',
        props: { artifacts: 'Artifacts', secondary: 'SecondaryArtifacts[]', disabled: 'EncryptionDisabled', type: 'Type' },
      },
    ],
    terraform: [
      {
        type: 'aws_codebuild_project',
        props: { artifacts: 'artifacts', secondary: 'secondary_artifacts[]', disabled: 'encryption_disabled', type: 'type' },
      },
    ],
  },
  check(project, report) {
    for (const artifact of [...project.prop('artifacts').items(), ...project.list('secondary')]) {
      // Only S3 artifacts are written by CodeBuild itself; CODEPIPELINE artifacts follow the pipeline's store.
      if (artifact.prop('type').asString() !== 'S3') continue;
      const disabled = artifact.prop('disabled');
      if (disabled.asBoolean() !== true) continue;
      report({
        at: disabled,
        messageId: 'disabled',
        // Encrypted artifacts need kms:Decrypt on the project's key for every reader (other accounts, a website
        // bucket serving them), so the user checks who reads them first.
        fix: { messageId: 'enable', safety: 'review', apply: (f) => f.remove(artifact, 'disabled') },
      });
    }
  },
});
