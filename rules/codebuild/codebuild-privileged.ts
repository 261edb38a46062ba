// CodeBuild projects do not run builds in privileged mode, which gives the build container the host's Docker daemon.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'codebuild-privileged',
  meta: {
    title: 'CodeBuild projects do not run in privileged mode',
    severity: 'high',
    whitepaper: 'Securing your operating systems and applications',
    docs: 'https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console.html#change-project-console-environment',
    related: { checkov: ['CKV_AWS_316'] },
    fsbp: ['CodeBuild.5'],
    messages: {
      privileged:
        '{{resource}} sets {{privileged}} to true: the build runs with root access to the host Docker daemon, so a compromised dependency or build script can escape the container. Only builds that build Docker images need it; turn it off for every other project.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CodeBuild::Project', props: { privileged: 'Environment.PrivilegedMode' } }],
    terraform: [{ type: 'aws_codebuild_project', props: { privileged: 'environment.privileged_mode' } }],
  },
  check(project, report) {
    const privileged = project.prop('privileged');
    // Missing means false (the service default); an unresolved value is not judged.
    if (privileged.asBoolean() !== true) return;
    // No fix: a project that builds Docker images cannot work without it; the owner decides.
    report({ at: privileged, messageId: 'privileged' });
  },
});
