export * from './ledger-row';
export * from './ledger-xlsx.writer';
export * from './bulletin-docx.writer';
export * from './ledger-source';
export * from './assessment-xlsx.writer';
