// Outcome reports: publishing, the no-op of identical data, corrections with a reason, the chain.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  isCanonicalJson,
  reportDecider,
  reportDifferences,
  verifyReportChain,
  type PublishReport,
  type ReportEvent,
} from '../../src/index.ts';
import { given, refused } from '../given.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const publish = (figures: object, reason: string | null = null): PublishReport => {
  const data = canonicalJson({ figures } as never);
  return {
    type: 'PublishReport',
    data: {
      reportId: 'cycle-c1',
      streetId: 'yushan',
      period: { type: 'cycle', cycleId: 'c1' },
      data,
      sha256: sha256(data),
      reason,
      publishedBy: 'officer-1',
      publishedAt: '2026-12-07T08:00:00.000Z',
    },
  };
};

const published = (command: PublishReport, version: number, previousHash: string | null) =>
  ({
    type: 'ReportPublished',
    data: {
      ...command.data,
      version,
      previousHash,
      reason: version === 1 ? null : command.data.reason,
    },
  }) satisfies ReportEvent;

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: 'x', y: null }, 2.5], c: { e: true, d: '数' } })).toBe(
      '{"a":[{"y":null,"z":"x"},2.5],"b":1,"c":{"d":"数","e":true}}',
    );
  });
  it('gives the same text whatever the order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
  it('tells canonical text from other JSON', () => {
    expect(isCanonicalJson('{"a":1,"b":2}')).toBe(true);
    expect(isCanonicalJson('{"b":2,"a":1}')).toBe(false);
    expect(isCanonicalJson('{"a": 1}')).toBe(false);
    expect(isCanonicalJson('not json')).toBe(false);
  });
});

describe('publishing a report', () => {
  const first = publish({ spent: 100 });
  const v1 = published(first, 1, null);

  it('makes version 1 without a previous hash', () => {
    given(reportDecider, []).when(first).then([v1]);
  });

  it('does nothing when the same data is published again', () => {
    given(reportDecider, [v1])
      .when(publish({ spent: 100 }, 'again'))
      .then([]);
  });

  it('refuses a correction without a reason', () => {
    given(reportDecider, [v1])
      .when(publish({ spent: 120 }))
      .then(refused('invalid', 'correction_reason_required'));
    given(reportDecider, [v1])
      .when(publish({ spent: 120 }, '   '))
      .then(refused('invalid', 'correction_reason_required'));
  });

  it('chains a correction with its reason to the previous version', () => {
    const fix = publish({ spent: 120 }, '漏记了一笔付款');
    given(reportDecider, [v1])
      .when(fix)
      .then([published(fix, 2, first.data.sha256)]);
  });

  it('refuses data that is not canonical', () => {
    const command = publish({ spent: 1 });
    const data = '{"spent": 1}';
    given(reportDecider, [])
      .when({ ...command, data: { ...command.data, data, sha256: sha256(data) } })
      .then(refused('invalid', 'report_not_canonical'));
  });

  it('refuses a version of another street or period on the stream', () => {
    const other = publish({ spent: 9 }, 'x');
    given(reportDecider, [v1])
      .when({ ...other, data: { ...other.data, period: { type: 'year', year: 2026 } } })
      .then(refused('conflict', 'report_elsewhere'));
  });
});

describe('the chain', () => {
  const a = canonicalJson({ n: 1 });
  const b = canonicalJson({ n: 2 });
  const versions = [
    { version: 1, data: a, sha256: sha256(a), previousHash: null },
    { version: 2, data: b, sha256: sha256(b), previousHash: sha256(a) },
  ];

  it('verifies when every hash and link holds', () => {
    expect(verifyReportChain(versions, sha256)).toEqual({ valid: true, versions: 2 });
  });
  it('finds data changed in place', () => {
    const tampered = [versions[0]!, { ...versions[1]!, data: canonicalJson({ n: 3 }) }];
    expect(verifyReportChain(tampered, sha256)).toEqual({ valid: false, brokenAt: 2, why: 'hash' });
  });
  it('finds a broken link', () => {
    const broken = [versions[0]!, { ...versions[1]!, previousHash: sha256('x') }];
    expect(verifyReportChain(broken, sha256)).toMatchObject({ brokenAt: 2, why: 'previous_hash' });
  });
});

describe('differences between versions', () => {
  it('lists each changed leaf by its path, rows matched by key', () => {
    const before = {
      s: {
        figures: [
          { key: 'spent', value: 1 },
          { key: 'n', value: 2 },
        ],
      },
    };
    const after = {
      s: {
        figures: [
          { key: 'n', value: 2 },
          { key: 'spent', value: 5 },
        ],
      },
    };
    expect(reportDifferences(before, after)).toEqual([
      { path: 's.figures[spent].value', before: 1, after: 5 },
    ]);
  });
  it('lists added and removed fields', () => {
    expect(reportDifferences({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', before: 1, after: undefined },
      { path: 'b', before: undefined, after: 2 },
    ]);
  });
});
