// The catalogue's secret vocabulary (v2 clarification 2): names, literals, secret values, and linear scans.
import assert from 'node:assert/strict';
import { findSecretValue, isLiteralText, isSecretLikeName, nameWords } from '../../../rules/lib/secret-text';

describe('secret-text', () => {
  it('splits names at separators and camelCase boundaries', () => {
    assert.deepEqual(nameWords('DbMasterPassword'), ['db', 'master', 'password']);
    assert.deepEqual(nameWords('db_master-password.v2/x y'), ['db', 'master', 'password', 'v2', 'x', 'y']);
    assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
    assert.deepEqual(nameWords('GITHUB_TOKEN'), ['github', 'token']);
    assert.deepEqual(nameWords('db2Password'), ['db2', 'password']);
  });

  it('tells secret-like names from names about a secret', () => {
    for (const name of [
      'DB_PASSWORD',
      'apiKey',
      'GITHUB_TOKEN',
      'client_secret',
      'PrivateKey',
      'aws_secret_access_key',
      'passphrase',
      'SlackCredentials',
      'MY_APIKEY',
      'db-passwd',
    ]) {
      assert.ok(isSecretLikeName(name), name);
    }
    for (const name of [
      'DB_PASSWORD_ARN',
      'SECRET_NAME',
      'TOKEN_TTL',
      'keyId',
      'PASSWORD_LENGTH',
      'secret_rotation',
      'TABLE_NAME',
      'api',
      'monkey',
      'dbpassword',
      'secretsmanager_endpoint',
      '',
    ]) {
      assert.ok(!isSecretLikeName(name), name);
    }
  });

  it('reads literals as the catalogue defines them', () => {
    for (const text of ['hunter2', 'pa ${x} ss', 'abc{{x}}', 'a<b', '${x']) assert.ok(isLiteralText(text), text);
    for (const text of [
      '',
      '  ',
      '{{resolve:secretsmanager:db:SecretString:pw}}',
      'true',
      'False',
      '42',
      'arn:aws:secretsmanager:us-east-1:1:secret:x',
      '/prod/db/password',
      '${DbPassword}',
      '{{x}} <y>',
      '<changeme>',
    ]) {
      assert.ok(!isLiteralText(text), text);
    }
  });

  it('finds secret values and says which', () => {
    assert.equal(findSecretValue('key=AKIAIOSFODNN7EXAMPLE')?.kind, 'AWS access key id');
    assert.equal(findSecretValue('ASIAIOSFODNN7EXAMPLE')?.kind, 'AWS access key id');
    assert.equal(findSecretValue('-----BEGIN OPENSSH PRIVATE KEY-----\nabc')?.kind, 'private key');
    assert.equal(findSecretValue('-----BEGIN PRIVATE KEY-----')?.kind, 'private key');
    assert.equal(findSecretValue('export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')?.kind, 'AWS secret access key');
    assert.equal(findSecretValue('"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"')?.kind, 'AWS secret access key');
    const at = findSecretValue('x AKIAIOSFODNN7EXAMPLE y');
    assert.deepEqual([at?.start, at?.end], [2, 22]);
  });

  it('leaves look-alikes alone', () => {
    // Unique ids of users and roles grant nothing; a longer run is not an access key id; 41 characters are not a secret key.
    for (const text of [
      'AIDAIOSFODNN7EXAMPLE',
      'AROAIOSFODNN7EXAMPLE',
      'XAKIAIOSFODNN7EXAMPLE',
      'AKIAIOSFODNN7EXAMPLE1',
      '-----BEGIN PUBLIC KEY-----',
      'secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYX',
      'other_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ]) {
      assert.equal(findSecretValue(text), undefined, text);
    }
  });

  it('stays linear on megabytes of adversarial text', function () {
    this.timeout(60000);
    const big = 2 * 1024 * 1024;
    const inputs = [
      'A'.repeat(big),
      'aA'.repeat(big / 2),
      '_'.repeat(big),
      'AKIA'.repeat(big / 4),
      'secretaccesskey='.repeat(big / 16),
      '${'.repeat(big / 2),
      '<'.repeat(big),
    ];
    const started = Date.now();
    for (const text of inputs) {
      nameWords(text);
      isSecretLikeName(text);
      isLiteralText(text);
      findSecretValue(text);
    }
    // Quadratic work on 2 MB would take hours; linear work takes seconds even on a loaded machine.
    assert.ok(Date.now() - started < 30000, `took ${Date.now() - started} ms`);
  });
});
