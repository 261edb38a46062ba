// AWS Config records every supported resource type, keeps recording, and aggregates every region.
import type { Fixer, Report, ResourceView, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'allSupported' | 'resourceTypes' | 'useOnly' | 'isEnabled' | 'accountSources' | 'orgSource' | 'allRegions' | 'regions';
type Message = 'notAllSupported' | 'listedTypes' | 'inclusion' | 'stopped' | 'someRegions' | 'start' | 'allRegionsFix';

/** A recorder that records only the resource types it lists; what to record is a cost decision, so no fix. */
function checkRecorder(recorder: ResourceView<Prop>, report: Report<Message, Prop>): void {
  const useOnly = recorder.prop('useOnly');
  if (useOnly.isUnresolved()) return;
  // An exclusion strategy records everything but what it names: silent, as the strategy that records all is.
  if (useOnly.asString() === 'EXCLUSION_BY_RESOURCE_TYPES') return;
  if (useOnly.asString() === 'INCLUSION_BY_RESOURCE_TYPES') {
    report({ at: useOnly, messageId: 'inclusion' });
    return;
  }
  const allSupported = recorder.prop('allSupported');
  if (allSupported.asBoolean() === false) {
    report({ at: allSupported, messageId: 'notAllSupported' });
    return;
  }
  const types = recorder.prop('resourceTypes');
  if (!types.isUnresolved() && types.literal() !== null && types.items().length > 0) report({ at: types, messageId: 'listedTypes' });
}

/** Each aggregation source that names its regions instead of all of them. */
function checkAggregator(aggregator: ResourceView<Prop>, report: Report<Message, Prop>): void {
  for (const source of [...aggregator.prop('accountSources').items(), ...aggregator.prop('orgSource').items()]) {
    const allRegions = source.prop('allRegions');
    if (source.isUnresolved() || allRegions.isUnresolved() || allRegions.asBoolean() === true) continue;
    report({
      at: allRegions.isMissing() ? source : allRegions,
      messageId: 'someRegions',
      // The aggregator reads the same accounts' configuration, now from every region: an in-place update.
      fix: { messageId: 'allRegionsFix', safety: 'safe', apply: (f) => allRegionsFix(f, source) },
    });
  }
}

function allRegionsFix(f: Fixer<Prop>, source: ValueView<Prop>): void {
  f.set(source, 'allRegions', true);
  // The service rejects a region list next to AllAwsRegions.
  if (!source.prop('regions').isMissing()) f.remove(source, 'regions');
}

export default defineRule({
  id: 'config-recorder-scope',
  meta: {
    title: 'AWS Config records all resource types in all regions',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
    related: {
      checkov: ['CKV2_AWS_45', 'CKV_AWS_121'],
      kics: ['9f3cf08e-72a2-4eb1-8007-e3b1b0e10d4d', 'ac5a0bc0-a54c-45aa-90c3-15f7703b9132'],
      tfsec: ['aws-config-aggregate-all-regions'],
      trivy: ['AVD-AWS-0019'],
    },
    fsbp: ['Config.1'],
    messages: {
      notAllSupported:
        '{{resource}} sets {{allSupported}} to false: only the listed resource types are recorded, so changes to every other resource leave no configuration history.',
      listedTypes:
        '{{resource}} lists {{resourceTypes}}: only those resource types are recorded, so changes to every other resource leave no configuration history.',
      inclusion:
        '{{resource}} sets {{useOnly}} to INCLUSION_BY_RESOURCE_TYPES: only the listed resource types are recorded, so changes to every other resource leave no configuration history.',
      stopped: '{{resource}} sets {{isEnabled}} to false: the configuration recorder is stopped and records nothing.',
      someRegions: '{{resource}} aggregates only the regions it names, so resources created in any other region are not seen.',
      start: 'Set {{isEnabled}} to true',
      allRegionsFix: 'Aggregate all regions ({{allRegions}} true, without {{regions}})',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Config::ConfigurationRecorder',
        props: {
          allSupported: 'RecordingGroup.AllSupported',
          resourceTypes: 'RecordingGroup.ResourceTypes',
          useOnly: 'RecordingGroup.RecordingStrategy.UseOnly',
        },
      },
      {
        type: 'AWS::Config::ConfigurationAggregator',
        props: {
          accountSources: 'AccountAggregationSources',
          orgSource: 'OrganizationAggregationSource',
          allRegions: 'AllAwsRegions',
          regions: 'AwsRegions',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_config_configuration_recorder',
        props: {
          allSupported: 'recording_group.all_supported',
          resourceTypes: 'recording_group.resource_types',
          useOnly: 'recording_group.recording_strategy.use_only',
        },
      },
      { type: 'aws_config_configuration_recorder_status', props: { isEnabled: 'is_enabled' } },
      {
        type: 'aws_config_configuration_aggregator',
        props: {
          accountSources: 'account_aggregation_source',
          orgSource: 'organization_aggregation_source',
          allRegions: 'all_regions',
          regions: 'regions',
        },
      },
    ],
  },
  check(resource, report) {
    if (resource.declares('useOnly')) checkRecorder(resource, report);
    else if (resource.declares('accountSources')) checkAggregator(resource, report);
    else {
      const isEnabled = resource.prop('isEnabled');
      if (isEnabled.asBoolean() !== false) return;
      // Starting the recorder again is an in-place update (recording is charged per configuration item).
      report({ at: isEnabled, messageId: 'stopped', fix: { messageId: 'start', safety: 'safe', apply: (f) => f.set(resource, 'isEnabled', true) } });
    }
  },
});
