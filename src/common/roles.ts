export const ROLES = ['CITIZEN', 'RECEPTIONIST', 'SPECIALIST', 'LEADER', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles held by officers of an agency; such an account must belong to one. */
export const STAFF_ROLES: readonly Role[] = ['RECEPTIONIST', 'SPECIALIST', 'LEADER', 'MANAGER'];

export const AGENCY_LEVELS = ['PROVINCE', 'COMMUNE', 'DEPARTMENT'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** Who is making a request, as every service sees it. */
export interface Principal {
  id: string;
  fullName: string;
  email: string;
  citizenId: string | null;
  roles: Role[];
  agency: { id: string; code: string; name: string; level: AgencyLevel } | null;
}

export function hasRole(user: Pick<Principal, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
