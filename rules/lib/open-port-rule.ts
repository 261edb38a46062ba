// Builds the "port N open to the world" rules (SSH, RDP): same targets, same check, different port and input.
import type { Severity } from '../api';
import { defineRule, type RelatedIds } from '../define-rule';
import { spellInput } from './input-name';
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
        restrict: `Replace {{cidrValue}} with a new input {{inputName}} for the allowed source range`,
      },
    },
    targets: INGRESS_TARGETS,
    check(sg, report) {
      for (const { value: cidr, ipv6 } of worldOpenCidrs(sg, spec.port)) {
        // An IPv6 range cannot share an input with IPv4 ranges: AWS rejects the other family's syntax.
        const inputName = ipv6 ? `${spec.inputName}Ipv6` : spec.inputName;
        report({
          at: cidr,
          messageId: 'open',
          data: { cidrValue: cidr.asString() ?? '', inputName: spellInput(inputName, sg.family) },
          // A value that comes from the user's own parameter/variable default is theirs to change there.
          fix: cidr.isReference()
            ? undefined
            : {
                messageId: 'restrict',
                // Narrowing who may connect changes access: the user reviews it.
                safety: 'review',
                apply: (f) =>
                  f.replace(
                    cidr,
                    f.input({
                      name: inputName,
                      type: 'string',
                      description: `Source ${ipv6 ? 'IPv6 ' : ''}CIDR allowed to reach ${spec.service} (port ${spec.port})`,
                    }),
                  ),
              },
        });
      }
    },
  });
}
