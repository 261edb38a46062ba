// The default security group of every VPC must allow nothing: resources launched without a group land in it.
import type { ResourceView, RuleContext, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'ingress' | 'egress' | 'group' | 'vpc' | 'count' | 'forEach';

const RULE_TYPES_TF = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/**
 * Whether a block / list argument adds rules: `yes` for written rules, `maybe` for a `dynamic` block (or another
 * expression) that may generate some (catalogue clarification 6: a rule that forbids the block reports the branch
 * where it exists), `no` for an empty list, a dynamic block over an empty collection, or a value from an input
 * nothing decides (not judged).
 */
function addsRules(value: ValueView<Prop>): 'yes' | 'maybe' | 'no' {
  const items = value.items().filter((item) => !item.isMissing());
  if (items.some((item) => !item.isUnresolved())) return 'yes';
  return items.some((item) => item.input() === undefined) ? 'maybe' : 'no';
}

/** Whether this standalone rule's group is a VPC's default group (`!GetAtt Vpc.DefaultSecurityGroup`, `aws_vpc.x.default_security_group_id`, `aws_default_security_group.x.id`). */
function targetsDefaultGroup(rule: ResourceView<Prop>, ctx: RuleContext<Prop>): boolean {
  // A VPC's only attribute that names a security group is its default group, so a group id that refers to a
  // VPC refers to that attribute.
  const owners = [...ctx.companions('vpc'), ...(ctx.hasCompanion('defaultSg') ? ctx.companions('defaultSg') : [])];
  return owners.some((owner) => ctx.referencing('groupRule', 'group', owner).some((r) => r.address === rule.address));
}

export default defineRule({
  id: 'default-sg-restrict',
  meta: {
    title: 'VPC default security groups allow no traffic',
    severity: 'high',
    whitepaper: 'Securing infrastructure: the customer configures the security group',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    related: {
      checkov: ['CKV2_AWS_12'],
      kics: ['46883ce1-dc3e-4b17-9195-c6a601624c73', '9a4ef195-74b9-4c58-b8ed-2b2fe4353a75'],
      tfsec: ['aws-ec2-restrict-all-in-default-sg'],
      trivy: ['AVD-AWS-0173'],
    },
    fsbp: ['EC2.2'],
    messages: {
      inlineRules:
        '{{resource}} gives the VPC default security group {{direction}} rules; every resource launched without a security group joins that group and gets them.',
      inlineRulesMaybe:
        '{{resource}} may give the VPC default security group {{direction}} rules (a dynamic block or expression decides how many); every resource launched without a security group joins that group and gets them.',
      ruleOnDefault:
        '{{resource}} adds a rule to the VPC default security group; every resource launched without a security group joins that group and gets it. Put the rule on a security group of its own.',
      unmanaged:
        '{{resource}} has no aws_default_security_group, so its default group keeps the rules AWS creates: all traffic between members and all outbound traffic, for every resource launched without a security group.',
      removeRules: 'Remove the {{direction}} rules from the default security group',
      addDefaultSg: 'Add an aws_default_security_group without rules for this VPC (removes every rule of the default group)',
    },
  },
  targets: {
    // CloudFormation cannot remove the default group's own rules: only rules added to it are judged.
    cloudformation: [{ type: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'], props: { group: 'GroupId' } }],
    terraform: [
      { type: 'aws_default_security_group', props: { ingress: 'ingress', egress: 'egress' } },
      { type: RULE_TYPES_TF, props: { group: 'security_group_id' } },
      // A counted / for_each VPC is addressed by index, which a generated reference cannot know.
      { type: 'aws_vpc', props: { count: 'count', forEach: 'for_each' } },
    ],
  },
  companions: {
    vpc: { cloudformation: { type: 'AWS::EC2::VPC', props: {} }, terraform: { type: 'aws_vpc', props: {} } },
    defaultSg: { terraform: { type: 'aws_default_security_group', props: { vpc: 'vpc_id' } } },
    groupRule: {
      cloudformation: { type: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'], props: { group: 'GroupId' } },
      terraform: { type: RULE_TYPES_TF, props: { group: 'security_group_id' } },
    },
  },
  check(resource, report, ctx) {
    if (resource.type === 'aws_default_security_group') {
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = resource.prop(direction);
        const adds = addsRules(rules);
        if (adds === 'no') continue;
        report({
          at: rules,
          messageId: adds === 'yes' ? 'inlineRules' : 'inlineRulesMaybe',
          data: { direction },
          // Whatever relies on the default group's rules loses that traffic: the user reviews it. One fix removes
          // one block; a repeated block is reported again until none is left.
          fix: { messageId: 'removeRules', safety: 'review', apply: (f) => f.remove(resource, direction) },
        });
      }
      return;
    }
    if (resource.type === 'aws_vpc') {
      // A default group counts only where its count / for_each creates it (catalogue clarification 7): the engine's
      // lookup decides that, following variables and locals as value resolution does, and names the variant.
      if (ctx.referencing('defaultSg', 'vpc', resource).length > 0) return;
      // A default group whose VPC comes through a local or input that cannot be resolved may be this one's.
      if (ctx.companions('defaultSg').some((sg) => sg.prop('vpc').isReference() && sg.prop('vpc').isUnresolved())) return;
      const indexed = !resource.prop('count').isMissing() || !resource.prop('forEach').isMissing();
      report({
        at: resource,
        messageId: 'unmanaged',
        fix: indexed
          ? undefined
          : {
              messageId: 'addDefaultSg',
              // Removes every rule of a group that resources may be using: the user reviews it.
              safety: 'review',
              apply: (f) => f.insertCompanion('defaultSg', resource, { vpc: f.ref(resource) }),
            },
      });
      return;
    }
    // Standalone ingress / egress rules: no fix, the rule belongs on another group the user chooses.
    if (targetsDefaultGroup(resource, ctx)) report({ at: resource.prop('group'), messageId: 'ruleOnDefault' });
  },
});
