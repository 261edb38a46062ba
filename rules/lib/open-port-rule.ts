// Builds the "port N open to the world" rules (SSH, RDP): same targets, same check, different port and input.
import type { Severity } from '../api';
import { defineRule, type RelatedIds } from '../define-rule';
import { INGRESS_TARGETS, worldOpenCidrs } from './security-group';

export interface OpenPortRuleSpec {
  id: string;
  title: string;
  severity: Severity;
  port: number;
  service: string;
  /** The parameter/variable the fix declares for the allowed source range (PascalCase). */
  inputName: string;
  related: RelatedIds;
}

export function openPortRule(spec: OpenPortRuleSpec) {
  return defineRule({
    id: spec.id,
    meta: {
      title: spec.title,
      severity: spec.severity,
      whitepaper: 'Securing infrastructure: the customer configures the security group',
      docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html',
      related: spec.related,
      messages: {
        open: `{{resource}} allows ${spec.service} (port ${spec.port}) from {{cidrValue}}, the whole internet.`,
        restrict: `Replace {{cidrValue}} with a new input ${spec.inputName} for the allowed source range`,
      },
    },
    targets: INGRESS_TARGETS,
    check(sg, report) {
      for (const cidr of worldOpenCidrs(sg, spec.port)) {
        report({
          at: cidr,
          messageId: 'open',
          data: { cidrValue: cidr.asString() ?? '' },
          fix: {
            messageId: 'restrict',
            // Narrowing who may connect changes access: the user reviews it.
            safety: 'review',
            apply: (f) =>
              f.replace(
                cidr,
                f.input({ name: spec.inputName, type: 'string', description: `Source CIDR allowed to reach ${spec.service} (port ${spec.port})` }),
              ),
          },
        });
      }
    },
  });
}
