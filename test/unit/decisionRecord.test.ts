import { describe, expect, test } from 'vitest';
import {
  assess,
  createDecisionRecord,
  createRulesetRegistry,
  DecisionRecordError,
  formatReport,
  generateSigningKeys,
  signDecisionRecord,
  signingKeyId,
  verifyDecisionRecord,
  type DecisionRecord,
} from '../../src/index';
import { readJsonFile } from '../support/rulesets';

const transaction = readJsonFile('examples/notification-tracker-intelligence-agency.json');
const keys = generateSigningKeys();
const other = generateSigningKeys();
const clock = () => new Date('2026-12-05T10:00:00.000Z');
const newId = () => '5b0a8f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

async function recordOf(input: unknown = transaction): Promise<DecisionRecord> {
  return createDecisionRecord(input, await assess(input), { assessedBy: 'J. Doe, export control', clock, newId });
}

/** What verification rejects the value with: its error code and message. */
async function rejection(value: unknown, options: Parameters<typeof verifyDecisionRecord>[1] = {}) {
  try {
    await verifyDecisionRecord(value, options);
  } catch (error) {
    if (error instanceof DecisionRecordError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('verification passed');
}

/** The record as its file holds it, with the first occurrence of `from` replaced by `to`: one changed byte. */
function edited(record: DecisionRecord, from: string, to: string): unknown {
  const text = JSON.stringify(record, null, 2);
  expect(text).toContain(from);
  return JSON.parse(text.replace(from, to)) as unknown;
}

describe('decision records', () => {
  test('record the transaction in canonical form, the assessment, the ruleset, the package, who and when', async () => {
    const record = await recordOf();
    const assessment = await assess(transaction);
    expect(record).toMatchObject({
      format: 'dual-use-rules/decision-record/1',
      id: newId(),
      assessedAt: '2026-12-05T10:00:00.000Z',
      assessedBy: 'J. Doe, export control',
      ruleset: assessment.ruleset,
      package: { name: 'dual-use-rules', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
    });
    expect(record.assessment).toEqual(assessment);
    expect(record.transaction).toEqual(transaction);
    expect(Object.keys(record.transaction as object)).toEqual(Object.keys(record.transaction as object).sort());
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.signature).toBeUndefined();
    const fresh = createDecisionRecord(transaction, assessment);
    expect(fresh.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.parse(fresh.assessedAt) - Date.now())).toBeLessThan(60_000);
  });

  test('a signed record verifies, names its key, and replays to the same outcome, also after a JSON round trip', async () => {
    const signed = await signDecisionRecord(await recordOf(), keys.privateKey);
    expect(signed.signature?.protected).toMatch(/^[A-Za-z0-9_-]+$/);
    const header = JSON.parse(Buffer.from(signed.signature?.protected ?? '', 'base64url').toString('utf8')) as object;
    expect(header).toEqual({ alg: 'EdDSA', kid: keys.keyId, typ: 'dual-use-rules.decision-record+jws' });
    expect(keys.keyId).toBe(signingKeyId(keys.publicKey));
    const result = await verifyDecisionRecord(JSON.parse(JSON.stringify(signed)), {
      publicKeys: [other.publicKey, keys.publicKey],
    });
    expect(result).toEqual({
      intact: true,
      signature: 'verified',
      keyId: keys.keyId,
      matches: true,
      identical: true,
      differences: [],
    });
  });

  test('whitespace and key order of the file do not matter; the content is what is hashed and signed', async () => {
    const signed = await signDecisionRecord(await recordOf(), keys.privateKey);
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    await expect(verifyDecisionRecord(reordered, { publicKeys: [keys.publicKey] })).resolves.toMatchObject({
      signature: 'verified',
    });
  });

  test('without public keys the signature is not checked, and the result says so', async () => {
    const record = await recordOf();
    await expect(verifyDecisionRecord(record)).resolves.toMatchObject({ signature: 'unsigned', matches: true });
    const signed = await signDecisionRecord(record, keys.privateKey);
    await expect(verifyDecisionRecord(signed)).resolves.toMatchObject({
      signature: 'not_checked',
      keyId: keys.keyId,
    });
  });

  test('one changed byte of a signed record fails, saying the record changed', async () => {
    const signed = await signDecisionRecord(await recordOf(), keys.privateKey);
    for (const [from, to] of [
      ['"assessedBy": "J. Doe', '"assessedBy": "J. Dou'],
      ['"outcome": "notification_required"', '"outcome": "notification_requires"'],
      ['"exporter": {\n      "country": "FR"', '"exporter": {\n      "country": "FI"'],
      [
        `"sha256": "${signed.sha256}"`,
        `"sha256": "${signed.sha256.slice(0, -1)}${signed.sha256.endsWith('0') ? '1' : '0'}"`,
      ],
    ] as const) {
      const failure = await rejection(edited(signed, from, to), { publicKeys: [keys.publicKey] });
      expect(failure.code, from).toBe('record_changed');
      expect(failure.message).toMatch(
        /has changed since it was made: its content hashes to sha256 [0-9a-f]{64}, but the record says [0-9a-f]{64}/,
      );
    }
  });

  test('a changed signature, a signature by another key, and a missing signature each fail with their own code', async () => {
    const record = await recordOf();
    const signed = await signDecisionRecord(record, keys.privateKey);
    const signature = signed.signature?.signature ?? '';
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(
      await rejection(
        { ...signed, signature: { ...signed.signature, signature: flipped } },
        { publicKeys: [keys.publicKey] },
      ),
    ).toEqual({
      code: 'signature_invalid',
      message: expect.stringContaining(`does not verify with key ${keys.keyId}`),
    });
    expect(await rejection(signed, { publicKeys: [other.publicKey] })).toEqual({
      code: 'untrusted_key',
      message: expect.stringContaining(`signed with key ${keys.keyId}, which is not among the 1 public key given`),
    });
    expect(await rejection(record, { publicKeys: [keys.publicKey] })).toMatchObject({ code: 'signature_missing' });
    // A signature made by the right key over other content (another record's) does not verify either.
    const another = await signDecisionRecord(
      createDecisionRecord(transaction, await assess(transaction), { clock, newId: () => 'another' }),
      keys.privateKey,
    );
    expect(
      await rejection({ ...signed, signature: another.signature }, { publicKeys: [keys.publicKey] }),
    ).toMatchObject({
      code: 'signature_invalid',
    });
  });

  test('a record made with a ruleset whose document changed since fails, naming both hashes', async () => {
    const document = readJsonFile('docs/examples/minimal-ruleset.json') as {
      title: string;
      validity: { from: string };
    };
    const registry = createRulesetRegistry({ bundled: false });
    registry.register(document);
    const order = {
      date: document.validity.from,
      exporter: { country: 'DE' },
      destination: { country: 'US' },
      item: { annexIEntries: [] },
    };
    const assessment = await assess(order, { ruleset: registry.select(order, { id: 'example-minimal' }) });
    const record = createDecisionRecord(order, assessment, { clock, newId });
    await expect(verifyDecisionRecord(record, { registry })).resolves.toMatchObject({ matches: true });

    const changed = createRulesetRegistry({ bundled: false });
    changed.register({ ...document, title: `${document.title}.` });
    const failure = await rejection(record, { registry: changed });
    expect(failure.code).toBe('ruleset_changed');
    expect(failure.message).toContain(`(sha256 ${assessment.ruleset.sha256}), but the`);
    expect(failure.message).toContain('that ruleset has changed since');
    expect(await rejection(record)).toMatchObject({ code: 'ruleset_not_found' });
  });

  test('a replay that disagrees with the record fails with both outcomes (an unsigned record re-hashed after an edit)', async () => {
    const record = await recordOf();
    const content = record;
    const forged = {
      ...content,
      assessment: { ...content.assessment, outcome: 'no_obligation', possibleOutcomes: ['no_obligation'] },
    };
    const rehashed = createDecisionRecord(forged.transaction, forged.assessment as DecisionRecord['assessment'], {
      clock,
      newId,
      assessedBy: 'J. Doe, export control',
    });
    const failure = await rejection(rehashed);
    expect(failure.code).toBe('replay_mismatch');
    expect(failure.message).toMatch(/gives insufficient_information .*but the record says no_obligation/);
  });

  test('the report names its record: id, sha256, and whether it is signed; never the record of another assessment', async () => {
    const record = await recordOf();
    const signed = await signDecisionRecord(record, keys.privateKey);
    const markdown = formatReport(record.assessment, transaction, { format: 'md', record });
    expect(markdown).toContain(`| Decision record | \`${record.id}\`, sha256 \`${record.sha256}\`; not signed |`);
    const html = formatReport(signed.assessment, transaction, { format: 'html', record: signed });
    expect(html).toContain(`<code id="record-sha256">${signed.sha256}</code>`);
    expect(html).toContain(`signed with key <code>${keys.keyId}</code>`);
    const other = await assess({ ...(transaction as object), id: 'another-order' });
    expect(() => formatReport(other, transaction, { format: 'html', record })).toThrow(
      /not the record of this assessment/,
    );
  });

  test('refuses what is not a record, and never signs a changed one', async () => {
    expect(await rejection({ format: 'something' })).toMatchObject({ code: 'invalid_record' });
    expect(await rejection(null)).toMatchObject({ code: 'invalid_record' });
    const record = await recordOf();
    await expect(signDecisionRecord({ ...record, assessedBy: 'Mallory' }, keys.privateKey)).rejects.toMatchObject({
      code: 'record_changed',
    });
    await expect(signDecisionRecord(record, keys.publicKey)).rejects.toMatchObject({ code: 'invalid_key' });
    expect(() => createDecisionRecord({ date: () => 1 }, record.assessment)).toThrow(DecisionRecordError);
  });
});
