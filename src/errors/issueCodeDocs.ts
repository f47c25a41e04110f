import type { IssueArea, IssueCodeDoc } from './codes/area';
import { ASSESSMENT_ISSUES } from './codes/assessmentCodes';
import { DOCUMENT_ISSUES } from './codes/documentCodes';
import { INPUT_ISSUES } from './codes/inputCodes';
import { LINT_ISSUES } from './codes/lintCodes';
import { MEANING_ISSUES } from './codes/meaningCodes';
import { OVERLAY_ISSUES } from './codes/overlayCodes';
import { RECORD_ISSUES } from './codes/recordCodes';
import { REFERENCE_ISSUES } from './codes/referenceCodes';
import { REGISTRY_ISSUES } from './codes/registryCodes';
import { SCHEMA_ISSUES } from './codes/schemaCodes';
import { SIGNATURE_ISSUES } from './codes/signatureCodes';
import { SIGNING_ISSUES } from './codes/signingCodes';
import { SIZE_ISSUES } from './codes/sizeCodes';
import { TESTING_ISSUES } from './codes/testingCodes';
import { USAGE_ISSUES } from './codes/usageCodes';
import { VALUE_ISSUES } from './codes/valueCodes';
import type { IssueCode } from './issue';
import type { IssuePayloads } from './issuePayloads';

/**
 * The documentation of every issue code, by family, in the order `docs/issue-codes.md` lists them
 * (`scripts/generate-issue-codes.ts` writes it; a test fails when it is stale). Typed so that together the families
 * document exactly the codes of `IssuePayloads`.
 */
export const ISSUE_AREAS: readonly IssueArea<Partial<IssuePayloads>>[] = [
  DOCUMENT_ISSUES,
  VALUE_ISSUES,
  SCHEMA_ISSUES,
  REFERENCE_ISSUES,
  MEANING_ISSUES,
  SIZE_ISSUES,
  OVERLAY_ISSUES,
  SIGNATURE_ISSUES,
  REGISTRY_ISSUES,
  LINT_ISSUES,
  INPUT_ISSUES,
  ASSESSMENT_ISSUES,
  RECORD_ISSUES,
  SIGNING_ISSUES,
  USAGE_ISSUES,
  TESTING_ISSUES,
];

/** Every code's documentation by code: a code of `IssuePayloads` whose family is left out here does not compile. */
export const ISSUE_CODE_DOCS: { readonly [K in IssueCode]: IssueCodeDoc } = {
  ...DOCUMENT_ISSUES.codes,
  ...VALUE_ISSUES.codes,
  ...SCHEMA_ISSUES.codes,
  ...REFERENCE_ISSUES.codes,
  ...MEANING_ISSUES.codes,
  ...SIZE_ISSUES.codes,
  ...OVERLAY_ISSUES.codes,
  ...SIGNATURE_ISSUES.codes,
  ...REGISTRY_ISSUES.codes,
  ...LINT_ISSUES.codes,
  ...INPUT_ISSUES.codes,
  ...ASSESSMENT_ISSUES.codes,
  ...RECORD_ISSUES.codes,
  ...SIGNING_ISSUES.codes,
  ...USAGE_ISSUES.codes,
  ...TESTING_ISSUES.codes,
};
