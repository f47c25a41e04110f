/**
 * `dual-use-rules`: what Article 5 of the EU Dual-Use Regulation requires for one export, with a cited explanation
 * at every step; rulesets as data, compiled and assessed.
 *
 * @module dual-use-rules
 */
export { assess } from './assess';
export { assessMany } from './assessMany';
export { assessEach } from './assessEach';
export { compileRuleset } from './compileRuleset';
export { listRulesets, loadRuleset } from './loadRuleset';
export { createRulesetRegistry } from './createRulesetRegistry';
export { replay } from './replay';
export { lintRuleset } from './lintRuleset';
export { generateSigningKeys } from './generateSigningKeys';
export { parseRulesetSignature } from './parseRulesetSignature';
export { signingKeyId } from './signingKeyId';
export { signRuleset } from './signRuleset';
export { CodedError } from './errors/CodedError';
export { SigningError } from './errors/SigningError';
export { AssessmentError } from './errors/AssessmentError';
export { RulesetError } from './errors/RulesetError';
export { TransactionError } from './errors/TransactionError';
export { formatPath } from './formatPath';
export { formatReport } from './formatReport';
export { decisionLine } from './decisionLine';
export { listQuestions } from './listQuestions';
export { createDecisionRecord } from './createDecisionRecord';
export { signDecisionRecord } from './signDecisionRecord';
export { verifyDecisionRecord } from './verifyDecisionRecord';
export { DecisionRecordError } from './errors/DecisionRecordError';
export { DECISION_RECORD_FORMAT } from './types/decisionRecord';
export { OUTCOMES } from './types/outcome';
export { transactionSchema } from './transaction/transactionSchema';

export type { AssessOptions } from './types/assessOptions';
export type { AssessEachResult } from './assessEach';
export type { ReportFormat, ReportOptions } from './formatReport';
export type { CompileOptions, CompiledRuleset, OverlayScope } from './types/compiledRuleset';
export type {
  LoadOptions,
  RegisterOptions,
  RegistryOptions,
  RulesetComposition,
  RulesetRegistry,
  RulesetSummary,
} from './types/registry';
export type { ReplayOptions, ReplayResult } from './replay';
export type { LintOptions, LintScenario } from './lintRuleset';
export type { RulesetSignature, SigningKeyPair, SignOptions } from './types/signature';
export type { SigningErrorCode } from './errors/SigningError';
export type { AssessmentErrorCode } from './errors/AssessmentError';
export type { DecisionRecordErrorCode } from './errors/DecisionRecordError';
export type {
  DecisionRecord,
  DecisionRecordOptions,
  DecisionRecordSignature,
  RecordVerification,
  VerifyRecordOptions,
} from './types/decisionRecord';
export type { Issue, IssueCode, IssueOf, IssuePath } from './errors/issue';
export type { CodedErrorJson, CodedErrorOptions } from './errors/CodedError';
export type { IssuePayloads } from './errors/issuePayloads';
export type { AssessmentIssuePayloads } from './errors/codes/assessmentCodes';
export type { DocumentIssuePayloads, NotJsonValue } from './errors/codes/documentCodes';
export type { InputIssuePayloads } from './errors/codes/inputCodes';
export type { LintIssuePayloads } from './errors/codes/lintCodes';
export type { MeaningIssuePayloads } from './errors/codes/meaningCodes';
export type { OverlayIssuePayloads } from './errors/codes/overlayCodes';
export type { RecordIssuePayloads } from './errors/codes/recordCodes';
export type { ReferenceIssuePayloads } from './errors/codes/referenceCodes';
export type { RegistryIssuePayloads } from './errors/codes/registryCodes';
export type { SchemaIssuePayloads } from './errors/codes/schemaCodes';
export type { SignatureIssuePayloads } from './errors/codes/signatureCodes';
export type { SigningIssuePayloads } from './errors/codes/signingCodes';
export type { SizeIssuePayloads } from './errors/codes/sizeCodes';
export type { TestingIssuePayloads } from './errors/codes/testingCodes';
export type { UsageIssuePayloads } from './errors/codes/usageCodes';
export type { ValueIssuePayloads } from './errors/codes/valueCodes';
export type { Outcome } from './types/outcome';
export type { DecisionCitation, DecisionLine } from './types/decisionLine';
export type {
  AnswerValue,
  FactUse,
  FallbackCase,
  QuestionDefinition,
  QuestionList,
  QuestionSection,
  RecordFieldDefinition,
  ScaleReference,
  ShowWhen,
  StatementSource,
} from './types/questions';
export type { Citation, CitationConfidence } from './types/citation';
export type { ParsedTransaction, Transaction } from './transaction/transactionSchema';
export type {
  Assessment,
  AssessmentNote,
  CompetentAuthority,
  ConditionTrace,
  Duty,
  FactConditionTrace,
  FactRecord,
  FactValue,
  GroupConditionTrace,
  NamedConditionTrace,
  NotConditionTrace,
  Obligation,
  Question,
  RulesetReference,
  TraceStep,
  TruthValue,
} from './types/assessment';
export type * from './types/ruleset';
