export type ProblemKind = 'bad-request' | 'sign-in' | 'forbidden' | 'not-found' | 'conflict' | 'csrf' | 'too-large' | 'too-many' | 'mail-failed';

const STATUS: Record<ProblemKind, number> = {
  'bad-request': 400,
  'sign-in': 401,
  forbidden: 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'too-many': 429,
  'mail-failed': 503,
};

/** Thrown by handlers for a clear 4xx answer in the reader's language; never a 500. */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(kind);
    this.status = STATUS[kind];
  }
}

export const notFound = () => new HttpProblem('not-found');
export const forbidden = (detail?: string) => new HttpProblem('forbidden', detail);
