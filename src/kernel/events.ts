/**
 * What a domain function says happened. Commands append these to the audit
 * log in the same transaction as the state change.
 */
export type DomainEvent = {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data?: Record<string, unknown>;
};
