import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  CONFIDENCES,
  COUNTRY_ROLES,
  DECISION_STATES,
  ENGAGEMENT_FORMATS,
  ENGAGEMENT_STATUSES,
  HEALTHS,
  INITIATIVE_STAGES,
  LANGUAGES,
  LOCALES,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  ORGANIZATION_KINDS,
  PRIORITIES,
  ROLES,
  SOURCE_KINDS,
} from '@rabta/domain/values';
import * as schemas from '@rabta/domain/schemas/resources';
import * as users from '@rabta/domain/schemas/users';
import englishMessages from 'ra-language-english';
import { en } from './en';
import { ur } from './ur';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const enLeaves = leaves(en as unknown as Tree);
const urLeaves = leaves(ur as unknown as Tree);
const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

// Strings that are the same in both languages on purpose: symbols, names written in their own script, codes.
const SAME_ON_PURPOSE = new Set([
  'ra.boolean.null',
  'ra.page.edit',
  'ra.page.list',
  'ra.page.show',
  'rabta.common.none',
  'rabta.language.en',
  'rabta.language.ur',
  'rabta.bilingual.label',
  // Only placeholders: the words come from the record.
  'rabta.intake.sentence.forum_numbered',
  'rabta.intake.sentence.forum_forum',
  // The API schema's own message, translated on its own (providers/serverMessages.ts).
  'rabta.messages.import.invalid',
]);

describe('the Urdu catalogue', () => {
  it('should have every key of the English catalogue', () => {
    const missing = [...enLeaves.keys()].filter((k) => !urLeaves.has(k));
    expect(missing).toEqual([]);
  });

  it('should have no key the English catalogue lacks', () => {
    const extra = [...urLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect(extra).toEqual([]);
  });

  it("should cover every one of react-admin's own messages", () => {
    const ra = leaves({ ra: (englishMessages as unknown as Tree).ra } as Tree);
    const missing = [...ra.keys()].filter((k) => !urLeaves.has(k));
    expect(ra.size).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('should keep the placeholders and plural forms of each message', () => {
    const wrong: string[] = [];
    for (const [key, enText] of enLeaves) {
      const urText = urLeaves.get(key) ?? '';
      if (placeholders(enText).join() !== placeholders(urText).join()) wrong.push(`${key}: placeholders`);
      if (enText.split('||||').length !== urText.split('||||').length) wrong.push(`${key}: plural forms`);
    }
    expect(wrong).toEqual([]);
  });

  it('should be written in Urdu, not left in English', () => {
    const untranslated = [...urLeaves.entries()]
      .filter(([key, text]) => !SAME_ON_PURPOSE.has(key) && text.trim() && !ARABIC_SCRIPT.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it('should have no empty message in either language', () => {
    const empty = [...enLeaves, ...urLeaves]
      .filter(([key, text]) => key !== 'ra.boolean.null' && !text.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('labels for the domain', () => {
  const enums: [string, readonly string[]][] = [
    ['stage', INITIATIVE_STAGES],
    ['health', HEALTHS],
    ['confidence', CONFIDENCES],
    ['priority', PRIORITIES],
    ['country_role', COUNTRY_ROLES],
    ['organization_kind', ORGANIZATION_KINDS],
    ['milestone_kind', MILESTONE_KINDS],
    ['milestone_state', MILESTONE_STATES],
    ['engagement_format', ENGAGEMENT_FORMATS],
    ['engagement_status', ENGAGEMENT_STATUSES],
    ['decision_state', DECISION_STATES],
    ['agreement_kind', AGREEMENT_KINDS],
    ['agreement_status', AGREEMENT_STATUSES],
    ['source_kind', SOURCE_KINDS],
    ['language', LANGUAGES],
    ['role', ROLES],
    ['locale', LOCALES],
  ];

  it('should name every value of every enum of @rabta/domain', () => {
    const missing = enums.flatMap(([name, values]) =>
      values.filter((v) => !enLeaves.has(`enums.${name}.${v}`)).map((v) => `enums.${name}.${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('should label every field of every resource of the wire schemas', () => {
    const resources: [string, { shape: Record<string, unknown> }][] = [
      ['initiatives', schemas.InitiativeSchema],
      ['milestones', schemas.MilestoneSchema],
      ['engagements', schemas.EngagementSchema],
      ['decisions', schemas.DecisionSchema],
      ['agreements', schemas.AgreementSchema],
      ['people', schemas.PersonSchema],
      ['positions', schemas.PositionSchema],
      ['organizations', schemas.OrganizationSchema],
      ['countries', schemas.CountrySchema],
      ['sectors', schemas.SectorSchema],
      ['sources', schemas.SourceSchema],
      ['evidence', schemas.EvidenceSchema],
      ['status-updates', schemas.StatusUpdateSchema],
      ['saved-views', schemas.SavedViewSchema],
      ['audit-events', schemas.AuditEventSchema],
      ['users', users.UserSchema],
    ];
    const missing = resources.flatMap(([resource, schema]) =>
      Object.keys(schema.shape)
        .filter((field) => !enLeaves.has(`resources.${resource}.fields.${field}`))
        .map((field) => `${resource}.${field}`),
    );
    expect(missing).toEqual([]);
  });
});
