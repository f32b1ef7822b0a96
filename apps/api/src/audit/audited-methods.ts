/** The HTTP methods that change something, hence the ones the audit log records. */
export const AUDITED_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type AuditedMethod = (typeof AUDITED_METHODS)[number];

export function isAuditedMethod(method: string): method is AuditedMethod {
  return (AUDITED_METHODS as readonly string[]).includes(method);
}
