import type { AgencyLevel, Role } from '../../common/roles.js';

/**
 * A fictional province used for demonstrations and manual testing. Codes follow
 * the national pattern (province code, then a number per agency).
 */
export const DEMO_AGENCIES: { code: string; name: string; level: AgencyLevel; parentCode?: string }[] = [
  { code: 'H12', name: 'UBND tỉnh Minh Hà', level: 'PROVINCE' },
  { code: 'H12.01', name: 'Sở Tư pháp tỉnh Minh Hà', level: 'DEPARTMENT', parentCode: 'H12' },
  { code: 'H12.02', name: 'Sở Xây dựng tỉnh Minh Hà', level: 'DEPARTMENT', parentCode: 'H12' },
  { code: 'H12.05', name: 'UBND xã An Phú', level: 'COMMUNE', parentCode: 'H12' },
  { code: 'H12.06', name: 'UBND phường Hoà Bình', level: 'COMMUNE', parentCode: 'H12' },
  { code: 'H12.07', name: 'UBND xã Tân Lập', level: 'COMMUNE', parentCode: 'H12' },
];

/** Shared by every demo account; printed at start-up and in the README. */
export const DEMO_PASSWORD = 'Demo@2026!an';

export const DEMO_USERS: { email: string; fullName: string; roles: Role[]; agencyCode?: string; citizenId?: string; phone?: string }[] = [
  { email: 'admin@demo.gov.vn', fullName: 'Quản trị viên Demo', roles: ['ADMIN'] },
  { email: 'congdan@demo.vn', fullName: 'Nguyễn Văn An', roles: ['CITIZEN'], citizenId: '001090000001', phone: '0912345678' },
  { email: 'motcua@anphu.demo.gov.vn', fullName: 'Trần Thị Bình', roles: ['RECEPTIONIST'], agencyCode: 'H12.05' },
  { email: 'chuyenvien@anphu.demo.gov.vn', fullName: 'Lê Văn Cường', roles: ['SPECIALIST'], agencyCode: 'H12.05' },
  { email: 'lanhdao@anphu.demo.gov.vn', fullName: 'Phạm Thị Dung', roles: ['LEADER'], agencyCode: 'H12.05' },
  { email: 'giamsat@minhha.demo.gov.vn', fullName: 'Hoàng Văn Em', roles: ['MANAGER'], agencyCode: 'H12' },
];
