// Database ports must not be reachable from 0.0.0.0/0 or ::/0.
import { defineRule } from '../define-rule';
import { inputNameFor, restrictSourceFix, worldIngress, type OpenPorts } from '../lib/ingress-ports';
import { INGRESS_TARGETS } from '../lib/security-group';
import { spellInput } from '../lib/input-name';

/** The well-known ports of the database engines AWS hosts, and what listens there. */
const DB_PORTS: ReadonlyMap<number, string> = new Map([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [3306, 'MySQL/MariaDB'],
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
  [9200, 'Elasticsearch/OpenSearch'],
  [27017, 'MongoDB/DocumentDB'],
]);

/** The database ports a range covers; these engines speak TCP, so a UDP-only range exposes none. */
function dbPorts(p: OpenPorts): number[] {
  if (p.transport === 'udp') return [];
  return [...DB_PORTS.keys()].filter((port) => p.from <= port && port <= p.to);
}

export default defineRule({
  id: 'sg-open-db-ports',
  meta: {
    title: 'Security group allows database ports from the internet',
    severity: 'high',
    whitepaper: 'Securing infrastructure: the customer configures the security group',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html',
    related: { tfsec: ['aws-ec2-no-public-ingress-sgr'], trivy: ['AVD-AWS-0107'], cfnNag: ['W2', 'W9'] },
    messages: {
      open: '{{resource}} allows database port(s) {{ports}} from {{cidrValue}}, the whole internet.',
      restrict: 'Replace {{cidrValue}} with a new input {{inputName}} for the allowed source range',
    },
  },
  targets: INGRESS_TARGETS,
  check(sg, report) {
    for (const open of worldIngress(sg, (p) => dbPorts(p).length > 0)) {
      const ports = dbPorts(open.ports).map((port) => `${port} (${DB_PORTS.get(port) ?? ''})`);
      report({
        at: open.value,
        messageId: 'open',
        data: {
          cidrValue: open.value.asString() ?? '',
          inputName: spellInput(inputNameFor(open, 'AllowedDbCidr'), sg.family),
          ports: ports.join(', '),
        },
        fix: restrictSourceFix(open, 'restrict', 'AllowedDbCidr', 'the database ports'),
      });
    }
  },
});
