// ECR repositories scan images for known vulnerabilities when they are pushed (or the registry scans them for it).
import type { ResourceView, ValueView } from '../api';
import { defineRule } from '../define-rule';

/** Registry scan frequencies that scan a new image when it arrives (service enum `ScanFrequency`). */
const SCANS_PUSHES = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

/** An ECR `WILDCARD` filter: `*` matches any run of characters, everything else itself. */
function wildcardMatches(filter: string, name: string): boolean {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

type Coverage = 'yes' | 'no' | 'unknown';
/** Logical keys of the repository and of the registry scanning configuration (its rules and filters). */
type Prop = 'name' | 'scanOnPush' | 'rules' | 'frequency' | 'filters' | 'filter' | 'filterType';

/**
 * Whether a registry scanning configuration scans this repository's pushes; 'unknown' when a part it depends on (a
 * rule, a filter, the repository's name) cannot be resolved, which leaves the rule silent.
 */
function registryCovers(config: ResourceView<Prop>, name: ValueView<Prop>): Coverage {
  const rules = config.prop('rules');
  if (rules.isUnresolved()) return 'unknown';
  let coverage: Coverage = 'no';
  for (const rule of rules.items()) {
    const frequency = rule.prop('frequency');
    if (frequency.isUnresolved()) coverage = 'unknown';
    if (!SCANS_PUSHES.has(frequency.asString() ?? '')) continue;
    for (const filter of rule.prop('filters').items()) {
      const type = filter.prop('filterType');
      const text = filter.prop('filter');
      if (type.isUnresolved() || text.isUnresolved()) {
        coverage = 'unknown';
        continue;
      }
      const pattern = text.asString();
      if (type.asString() !== 'WILDCARD' || pattern === undefined) continue;
      // `*` covers every repository, also an unnamed one (its name is generated).
      if (pattern === '*') return 'yes';
      const literalName = name.asString();
      if (name.isUnresolved()) coverage = 'unknown';
      else if (literalName !== undefined && wildcardMatches(pattern, literalName)) return 'yes';
    }
  }
  return coverage;
}

export default defineRule({
  id: 'ecr-scan-on-push',
  meta: {
    title: 'ECR images are scanned on push',
    severity: 'high',
    whitepaper: 'Securing your operating systems and applications',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    related: {
      checkov: ['CKV_AWS_163'],
      kics: ['9025b2b3-e554-4842-ba87-db7aeec36d35', '9630336b-3fed-4096-8173-b9afdfe346a7'],
      tfsec: ['aws-ecr-enable-image-scans'],
      trivy: ['AVD-AWS-0030'],
    },
    fsbp: ['ECR.1'],
    messages: {
      missing:
        '{{resource}} does not scan images on push (the default is off) and no registry scanning rule covers it: images with known vulnerabilities are stored and deployed unnoticed.',
      disabled:
        '{{resource}} sets {{scanOnPush}} to false and no registry scanning rule covers it: images with known vulnerabilities are stored and deployed unnoticed.',
      enable: 'Scan images on push',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ECR::Repository',
        props: { name: 'RepositoryName', scanOnPush: 'ImageScanningConfiguration.ScanOnPush' },
      },
    ],
    terraform: [{ type: 'aws_ecr_repository', props: { name: 'name', scanOnPush: 'image_scanning_configuration.scan_on_push' } }],
  },
  companions: {
    registryScanning: {
      cloudformation: {
        type: 'AWS::ECR::RegistryScanningConfiguration',
        props: {
          rules: 'Rules',
          frequency: 'ScanFrequency',
          filters: 'RepositoryFilters',
          filter: 'Filter',
          filterType: 'FilterType',
        },
      },
      terraform: {
        type: 'aws_ecr_registry_scanning_configuration',
        props: { rules: 'rule', frequency: 'scan_frequency', filters: 'repository_filter', filter: 'filter', filterType: 'filter_type' },
      },
    },
  },
  check(repo, report, ctx) {
    const scanOnPush = repo.prop('scanOnPush');
    if (scanOnPush.isUnresolved() || scanOnPush.asBoolean() === true) return;
    // A registry rule that covers the repository, or may (unresolved), makes the repository setting redundant. One
    // under a condition of its own is a companion only in the variants where that condition holds (the engine's
    // companion lookup decides it; clarification 7), and the finding then names the variant.
    if (ctx.companions('registryScanning').some((config) => registryCovers(config, repo.prop('name')) !== 'no')) return;
    report({
      at: scanOnPush,
      messageId: scanOnPush.isMissing() || scanOnPush.literal() === null ? 'missing' : 'disabled',
      // Basic scanning on push is free and changes nothing for the images already stored or for who can pull them.
      fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(repo, 'scanOnPush', true) },
    });
  },
});
