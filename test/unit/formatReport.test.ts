import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../src/format/html';
import {
  AssessmentError,
  assess,
  formatReport,
  type Assessment,
  type ConditionTrace,
  type Transaction,
} from '../../src/index';

const example = JSON.parse(
  readFileSync(new URL('../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
) as Transaction;
const hostile = {
  ...example,
  id: 'PO-<b>7</b>',
  item: {
    ...example.item,
    description: 'Tracker <script>alert("owned")</script> & ```\n# not a heading\n- not a list',
  },
  endUser: { ...example.endUser, name: '"><img src=x onerror=alert(1)>' },
} satisfies Transaction;
/** The example with the national Art. 5(3) position stated (hypothetically), so that notification is decided. */
const decided = {
  ...example,
  nationalLaw: {
    suspicionRule: {
      position: 'none',
      source: 'Hypothetical for this test: the competent authority <confirmed> it has no such rule',
    },
  },
} satisfies Transaction;
/** Undecided: the item and due diligence are only partly known, so the report must list questions. */
const undecided = {
  date: '2025-03-03',
  exporter: { country: 'DE' },
  destination: { country: 'EG' },
  item: { annexIEntries: [], speciallyDesigned: true },
} satisfies Transaction;

function leaves(condition: ConditionTrace): Extract<ConditionTrace, { type: 'fact' }>[] {
  switch (condition.type) {
    case 'fact':
      return [condition];
    case 'all':
    case 'any':
      return condition.conditions.flatMap(leaves);
    case 'not':
    case 'named':
      return leaves(condition.condition);
  }
}

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
}

describe('formatReport html', () => {
  test('shows text from the transaction as text: markup in it never becomes elements or attributes', async () => {
    const report = formatReport(await assess(hostile), hostile, { format: 'html' });
    expect(report).not.toMatch(/<script/i);
    expect(report).not.toMatch(/<img/i);
    expect(report).not.toMatch(/<b>7/);
    expect(report).toContain('Tracker &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; ```');
    expect(report).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(report).toContain('PO-&lt;b&gt;7&lt;/b&gt;');
  });

  test(
    'is self-contained: no scripts, stylesheets, images, fonts or frames to fetch, and a CSP that ' + 'forbids them',
    async () => {
      const report = formatReport(await assess(example), example, { format: 'html' });
      expect(report).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
      expect(report).not.toMatch(/\ssrc=|url\(|@import/i);
      expect(report).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
      const hrefs = [...report.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    },
  );

  test('a citation URL that is not http(s) is not linked', async () => {
    const assessment = await assess(decided);
    const [first, ...rest] = assessment.obligations;
    const tampered: Assessment = {
      ...assessment,
      obligations: [{ ...first!, citation: { ...first!.citation, url: 'javascript:alert(1)' } }, ...rest],
    };
    const report = formatReport(tampered, decided, { format: 'html' });
    expect(report).not.toContain('javascript:');
    expect(report).toContain(`${first!.citation.instrument}, ${first!.citation.pinpoint}`);
  });

  test(
    'carries the outcome banner with next steps, authority, deciding provisions linked to the ' +
      'official texts, and the ruleset identity',
    async () => {
      const assessment = await assess(decided);
      const report = formatReport(assessment, decided, { format: 'html', generatedAt: '2025-03-03T09:30:00Z' });
      expect(report).toContain(`data-outcome="${assessment.outcome}"`);
      expect(report).toContain(escapeHtml(assessment.nextSteps));
      expect(assessment.competentAuthority?.name).toBeDefined();
      expect(report).toContain(escapeHtml(assessment.competentAuthority?.name ?? ''));
      expect(assessment.obligations.length).toBeGreaterThan(0);
      for (const obligation of assessment.obligations) {
        expect(report).toContain(`data-rule="${obligation.rule}"`);
        expect(report).toContain(
          `<a href="${obligation.citation.url}">${escapeHtml(`${obligation.citation.instrument}, ${obligation.citation.pinpoint}`)}</a>`,
        );
      }
      expect(report).toContain(assessment.ruleset.sha256);
      expect(assessment.ruleset.overlays.length).toBeGreaterThan(0);
      for (const overlay of assessment.ruleset.overlays) expect(report).toContain(overlay.sha256);
      expect(report).toContain('2025-03-03T09:30:00Z');
      expect(report).toContain('id="transaction-json"');
    },
  );

  test(
    'the trace is a collapsible tree: one <details> per rule, and every comparison with fact, ' +
      'operator, expected, actual and result',
    async () => {
      const assessment = await assess(example);
      const report = formatReport(assessment, example, { format: 'html' });
      expect(count(report, /<details class="rule"/)).toBe(assessment.trace.length);
      for (const step of assessment.trace)
        expect(report).toContain(`<details class="rule" data-rule="${step.rule}" data-result="${step.result}"`);
      const comparisons = assessment.trace.flatMap((step) => leaves(step.conditions));
      expect(count(report, /<li class="condition"/)).toBe(comparisons.length);
      const designed = comparisons.find((leaf) => leaf.fact === 'item.speciallyDesigned');
      expect(designed).toBeDefined();
      expect(report).toContain(
        `<li class="condition" data-result="true"><span class="t t-true">✓ true</span> <span ` +
          `class="part">fact</span> <code>item.speciallyDesigned</code> <span ` +
          `class="part">operator</span> <code>equal</code> <span class="part">expected</span> ` +
          `<code>true</code> <span class="part">actual</span> <code>true</code></li>`,
      );
    },
  );

  test(
    'an undecided assessment lists every open question and the outcomes still possible; unknown ' +
      'values read "unknown"',
    async () => {
      const assessment = await assess(undecided);
      expect(assessment.questions.length).toBeGreaterThan(1);
      const report = formatReport(assessment, undecided, { format: 'html' });
      for (const question of assessment.questions) {
        expect(report).toContain(`data-fact="${question.fact}">${escapeHtml(question.prompt)}`);
      }
      for (const outcome of assessment.possibleOutcomes)
        expect(report).toContain(
          `<strong>${outcome.charAt(0).toUpperCase()}${outcome.slice(1).replace(/_/g, ' ')}</strong>`,
        );
      expect(report).toMatch(/<span class="part">actual<\/span> <code>unknown<\/code>/);
    },
  );
});

describe('formatReport: what is certain, what the exporter stated, what the findings name', () => {
  test('an undecided assessment shows "What is already certain" with each certain duty and its citation', async () => {
    const assessment = await assess(example);
    expect(assessment.possibleOutcomes.length).toBeGreaterThan(1);
    expect(assessment.certainDuties?.length).toBeGreaterThan(0);
    const report = formatReport(assessment, example, { format: 'html' });
    expect(report).toContain('<h2>What is already certain</h2>');
    for (const duty of assessment.certainDuties ?? []) {
      expect(report).toContain(`data-duty="${duty.id}"><strong>${escapeHtml(duty.title)}.</strong>`);
      expect(report).toContain(escapeHtml(duty.text));
    }
    // Before the open questions: it is what the exporter can act on now.
    expect(report.indexOf('id="certain-duties"')).toBeLessThan(report.indexOf('id="questions"'));
    const markdown = formatReport(assessment, example, { format: 'md' });
    expect(markdown).toContain('## What is already certain');
    for (const duty of assessment.certainDuties ?? []) expect(markdown).toContain(`**${duty.title}.**`);
  });

  test('a decided assessment shows its duties as what to do', async () => {
    const assessment = await assess(decided);
    const report = formatReport(assessment, decided, { format: 'html' });
    expect(report).toContain('<h2>What to do</h2>');
    expect(report).toContain('data-duty="notify-authority"');
  });

  test("the exporter's statement of national law is shown as its statement, with its source, escaped", async () => {
    const assessment = await assess(decided);
    const report = formatReport(assessment, decided, { format: 'html' });
    expect(report).toContain('<h2>Stated by the exporter</h2>');
    expect(report).toContain('National Article 5(3) rule, as stated by the exporter:</strong> none');
    expect(report).toContain(
      'Source, as stated by the exporter: Hypothetical for this test: the competent authority &lt;confirmed&gt; it has no such rule',
    );
    expect(formatReport(await assess(example), example, { format: 'html' })).not.toContain('Stated by the exporter');
    const markdown = formatReport(assessment, decided, { format: 'md' });
    expect(markdown).toContain('## Stated by the exporter');
    expect(markdown).toContain('\\<confirmed\\>');
  });

  test("the indicators and factors a finding names are listed with the labels of the ruleset's catalogues", async () => {
    const assessment = await assess(example);
    for (const format of ['html', 'md'] as const) {
      const report = formatReport(assessment, example, { format });
      expect(report).toContain('What the findings name');
      expect(report).toContain('Unlawful or arbitrary surveillance');
      expect(report).toContain('Nature and gravity');
    }
  });

  test('with a ruleset the bundle does not have, the ids are shown instead of labels', async () => {
    const assessment = await assess(example);
    const unknown = { ...assessment, ruleset: { ...assessment.ruleset, sha256: '0'.repeat(64) } };
    const report = formatReport(unknown, example, { format: 'md' });
    expect(report).toContain('`hr-unlawful-arbitrary-surveillance`');
    expect(report).not.toContain('Unlawful or arbitrary surveillance');
  });
});

describe('formatReport md', () => {
  test('escapes transaction text so it cannot open HTML, headings, lists or code fences', async () => {
    const report = formatReport(await assess(hostile), hostile, { format: 'md' });
    const json = /^(`{3,})json\n([\s\S]*?)\n\1$/m.exec(report);
    expect(json?.[1]?.length).toBeGreaterThan(3);
    expect(JSON.parse(json?.[2] ?? '')).toEqual(hostile);
    // Outside the fenced code block and the code spans (whose content is literal: the trace shows a value it compared,
    // such as the end user's name, in one), no tag may open.
    const nameInCodeSpan = '`"\\"><img src=x onerror=alert(1)>"`';
    expect(report).toContain(nameInCodeSpan);
    const prose = report.replace(json?.[0] ?? '', '').replaceAll(nameInCodeSpan, '');
    expect(prose).not.toMatch(/(^|[^\\])<script/i);
    expect(prose).not.toMatch(/(^|[^\\])<img/i);
    expect(prose).toContain(
      'Tracker \\<script\\>alert("owned")\\</script\\> \\& \\`\\`\\` # not a heading - not a list',
    );
  });

  test('has the outcome, next steps, questions, linked citations, the trace and the ruleset sha256', async () => {
    const assessment = await assess(undecided);
    const report = formatReport(assessment, undecided, { format: 'md' });
    expect(report).toMatch(/^# Export decision: Insufficient information\n/);
    expect(report).toContain(assessment.nextSteps);
    assessment.questions.forEach((_, index) => expect(report).toContain(`\n${index + 1}. `));
    expect(report).toContain(`\`${assessment.questions[0]?.fact}\``);
    expect(report).toContain('](http://data.europa.eu/eli/reg/2021/821/oj)');
    for (const step of assessment.trace) expect(report).toContain(`\`${step.rule}\``);
    expect(report).toContain(`\`${assessment.ruleset.sha256}\``);
  });
});

test('formatReport rejects an unknown format with a typed error', async () => {
  const assessment = await assess(example);
  expect(() => formatReport(assessment, example, { format: 'pdf' as 'html' })).toThrowError(AssessmentError);
});
