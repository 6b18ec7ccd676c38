import type { AgencyLevel } from '../common/roles.js';
import type { MessageKey } from '../i18n/messages.js';

interface Flat {
  id: string;
  code: string;
  parentId: string | null;
  level: AgencyLevel;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Departments first, then communes, each by code: the order people expect to read a province in. */
const LEVEL_ORDER: Record<AgencyLevel, number> = { PROVINCE: 0, DEPARTMENT: 1, COMMUNE: 2 };

export function buildTree<T extends Flat>(agencies: T[]): TreeNode<T>[] {
  const nodes = new Map(agencies.map((a) => [a.id, { ...a, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The two-level rule: a province is a root; communes and departments sit directly under a province. */
export function placementError(level: AgencyLevel, parent: { level: AgencyLevel } | null | undefined): MessageKey | null {
  if (level === 'PROVINCE') return parent ? 'agency.provinceHasNoParent' : null;
  if (!parent) return 'agency.parentRequired';
  return parent.level === 'PROVINCE' ? null : 'agency.parentMustBeProvince';
}
