export type {
  Plan,
  PlanTask,
  BreakdownCell,
  ParseWarning,
  UnitDirectory,
  UnitEntry,
  UnitKind,
  UnitRef,
  ParseOptions,
  Deadline,
  RecurringDuty,
  DutyDivisionEntry,
  SourceRange,
  TaskClause,
} from './lib/types';
export { PlanParseError } from './lib/errors';
export type { PlanParseErrorCode } from './lib/errors';
export { parsePlanText } from './lib/parse-plan';
export { decodePlanBytes, decodePlanDocument, parsePlanBytes } from './decode/decode-bytes';
export type { DecodedDocument } from './decode/decode-bytes';
export { layoutPdf } from './decode/pdf-layout';
export { configurePdfDecoding } from './decode/pdf-text';
export type { PdfPage, PdfTextItem, PdfText } from './decode/pdf-layout';
export { resolveUnit, mergeDirectories, effectiveDirectory } from './lib/unit-directory';
export { DEFAULT_DIRECTORY } from './lib/default-directory';
export { directoryForText } from './lib/directory-for-text';
export { loadUnitDirectories } from './io/load-directories';
