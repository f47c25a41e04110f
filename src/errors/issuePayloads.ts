import type { AssessmentIssuePayloads } from './codes/assessmentCodes';
import type { DocumentIssuePayloads } from './codes/documentCodes';
import type { InputIssuePayloads } from './codes/inputCodes';
import type { LintIssuePayloads } from './codes/lintCodes';
import type { MeaningIssuePayloads } from './codes/meaningCodes';
import type { OverlayIssuePayloads } from './codes/overlayCodes';
import type { RecordIssuePayloads } from './codes/recordCodes';
import type { ReferenceIssuePayloads } from './codes/referenceCodes';
import type { RegistryIssuePayloads } from './codes/registryCodes';
import type { SchemaIssuePayloads } from './codes/schemaCodes';
import type { SignatureIssuePayloads } from './codes/signatureCodes';
import type { SigningIssuePayloads } from './codes/signingCodes';
import type { SizeIssuePayloads } from './codes/sizeCodes';
import type { TestingIssuePayloads } from './codes/testingCodes';
import type { UsageIssuePayloads } from './codes/usageCodes';
import type { ValueIssuePayloads } from './codes/valueCodes';

/**
 * Every issue code, each with the fields its issues carry beyond `path`, `code` and `message`: the closed set of
 * `IssueCode`. The codes are grouped by family in `src/errors/codes/`, one file each, where every code also has its
 * entry in `docs/issue-codes.md` (meaning, where raised, an example path, the fix). To add a code, add it to its
 * family's interface and documentation there; nothing else lists codes.
 */
export interface IssuePayloads
  extends
    DocumentIssuePayloads,
    ValueIssuePayloads,
    SchemaIssuePayloads,
    ReferenceIssuePayloads,
    MeaningIssuePayloads,
    SizeIssuePayloads,
    OverlayIssuePayloads,
    SignatureIssuePayloads,
    RegistryIssuePayloads,
    LintIssuePayloads,
    InputIssuePayloads,
    AssessmentIssuePayloads,
    RecordIssuePayloads,
    SigningIssuePayloads,
    UsageIssuePayloads,
    TestingIssuePayloads {}
