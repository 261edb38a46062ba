// secureIac.enable / secureIac.run as the server reads them, and the effective-config line of the startup log.
import assert from 'node:assert/strict';
import { describeSettings, serverBanner } from '../../server/src/handlers/startup-log';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/workspace/settings';

describe('settings: enable and run', () => {
  it('default to on and onType', () => {
    assert.equal(DEFAULT_SETTINGS.enable, true);
    assert.equal(DEFAULT_SETTINGS.run, 'onType');
    assert.deepEqual([normalizeSettings({}).settings.enable, normalizeSettings({}).settings.run], [true, 'onType']);
  });

  it('read false and onSave', () => {
    const { settings, problems } = normalizeSettings({ enable: false, run: 'onSave' });
    assert.deepEqual([settings.enable, settings.run, problems], [false, 'onSave', []]);
  });

  it('name ill-typed values and keep the defaults', () => {
    const { settings, problems } = normalizeSettings({ enable: 'no', run: 'always' });
    assert.deepEqual([settings.enable, settings.run], [true, 'onType']);
    assert.match(problems.join('\n'), /secureIac\.enable: expected true or false, got "no"/);
    assert.match(problems.join('\n'), /secureIac\.run: expected "onType" or "onSave", got "always"/);
  });

  it('the startup log names the rule count and what differs from the defaults', () => {
    assert.match(serverBanner(), /^Secure IaC server \S+ \(Node v[\d.]+\): \d+ rules, \d+ on by default$/);
    const line = describeSettings({ ...DEFAULT_SETTINGS, rules: { 'sg-open-ssh': 'off' }, exclude: ['test/**'] }, '/w/.secure-iac.yaml');
    assert.equal(
      line,
      'enable=true; run=onType; rules: sg-open-ssh=off; exclude: test/**; unresolved=off; maxFileSize=2097152; config file: /w/.secure-iac.yaml',
    );
    assert.match(describeSettings(DEFAULT_SETTINGS, undefined), /rules: catalogue defaults; .*config file: none$/);
  });
});
