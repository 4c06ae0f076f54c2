// The groups capability (bodies: committees, the multistakeholder group, working groups): what others may use.
export type { Body, Membership, MembershipRole, MembershipPolicy } from './domain/body.ts';
export { balanceOf, type Balance } from './domain/balance.ts';
export { bodyAccess } from './commands/access.ts';
export { createBody } from './commands/create-body.ts';
export { joinBody } from './commands/join-body.ts';
export { appointMember } from './commands/appoint-member.ts';
export { bodiesOf, bodyById, bodyBySlug, membersOf, roleIn } from './db/queries.ts';
export { groupRoutes } from './http/routes.tsx';
export { groupsExtension, type BodyExtension } from './http/extension.tsx';
export { BalanceView } from './views/balance.tsx';
