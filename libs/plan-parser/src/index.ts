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
} from './lib/types';
export { PlanParseError } from './lib/errors';
export type { PlanParseErrorCode } from './lib/errors';
export { parsePlanText } from './lib/parse-plan';
export { decodePlanBytes, parsePlanBytes } from './lib/decode-bytes';
export { resolveUnit, mergeDirectories, effectiveDirectory } from './lib/unit-directory';
export { DEFAULT_DIRECTORY } from './lib/default-directory';
export { directoryForText } from './lib/directory-for-text';
export { loadUnitDirectories } from './io/load-directories';
