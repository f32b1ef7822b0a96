// Types and ids shared with clients and activities (no workflow functions here,
// so importing this file outside the sandbox is safe).
export * from './plan-import.contract';
