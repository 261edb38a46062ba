// Builds the "port N open to the world" rules (SSH, RDP): same targets, same check, different port and input.
import type { Severity } from '../api';
import { defineRule, type RelatedIds } from '../define-rule';
import { spellInput } from './input-name';
import { inputNameFor, restrictSourceFix, worldIngress } from './ingress-ports';
import { INGRESS_TARGETS } from './security-group';

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
      for (const open of worldIngress(sg, (ports) => ports.from <= spec.port && spec.port <= ports.to)) {
        report({
          at: open.value,
          messageId: 'open',
          data: { cidrValue: open.value.asString() ?? '', inputName: spellInput(inputNameFor(open, spec.inputName), sg.family) },
          fix: restrictSourceFix(open, 'restrict', spec.inputName, `${spec.service} (port ${spec.port})`),
        });
      }
    },
  });
}
