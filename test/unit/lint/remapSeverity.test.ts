import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/lint/finding';
import { remapSeverity, severitySettingFor } from '../../../src/core/lint/remapSeverity';

const finding = (principleId: string, severity: Finding['severity'] = 'warning'): Finding => ({
  principleId,
  severity,
  start: 0,
  end: 1,
  message: 'm',
});

describe('remapSeverity', () => {
  const findings = [finding('universal.a-b'), finding('expertise.c-d', 'info'), finding('urgency.e-f', 'error')];

  it('leaves findings alone without settings', () => {
    assert.deepEqual(remapSeverity(findings, {}), findings);
  });

  it('remaps by dimension, and a principle id wins over its dimension', () => {
    const result = remapSeverity(findings, { universal: 'hint', 'universal.a-b': 'error', expertise: 'warning' });
    assert.deepEqual(
      result.map((f) => f.severity),
      ['error', 'warning', 'error'],
    );
    assert.equal(findings[0]!.severity, 'warning', 'the input is not changed');
  });

  it('drops findings set to "off", by id or by dimension', () => {
    assert.deepEqual(
      remapSeverity(findings, { expertise: 'off' }).map((f) => f.principleId),
      ['universal.a-b', 'urgency.e-f'],
    );
    assert.deepEqual(
      remapSeverity(findings, { 'urgency.e-f': 'off', universal: 'off' }).map((f) => f.principleId),
      ['expertise.c-d'],
    );
    assert.deepEqual(
      remapSeverity(findings, { universal: 'off', 'universal.a-b': 'info' }).map((f) => f.severity),
      ['info', 'info', 'error'],
    );
  });

  it('ignores values that are not severities, and inherited object keys', () => {
    assert.equal(severitySettingFor('universal.a-b', { universal: 'loud' }), undefined);
    assert.equal(severitySettingFor('toString.x', {}), undefined);
    assert.deepEqual(remapSeverity(findings, { universal: 'loud' }), findings);
  });
});
