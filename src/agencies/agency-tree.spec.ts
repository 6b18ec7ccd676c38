import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_LEVELS, type AgencyLevel } from '../common/roles.js';
import { buildTree, placementError, type TreeNode } from './agency-tree.js';

interface Agency {
  id: string;
  code: string;
  parentId: string | null;
  level: AgencyLevel;
}

const LEVEL_RANK: Record<AgencyLevel, number> = { PROVINCE: 0, DEPARTMENT: 1, COMMUNE: 2 };

function agency(id: string, level: AgencyLevel, parentId: string | null = null, code = id.toUpperCase()): Agency {
  return { id, code, parentId, level };
}

function* walk<T>(nodes: TreeNode<T>[]): Generator<TreeNode<T>> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

describe('placementError', () => {
  const expected = (level: AgencyLevel, parent: AgencyLevel | null): string | null => {
    if (level === 'PROVINCE') return parent === null ? null : 'agency.provinceHasNoParent';
    if (parent === null) return 'agency.parentRequired';
    return parent === 'PROVINCE' ? null : 'agency.parentMustBeProvince';
  };
  const combinations = AGENCY_LEVELS.flatMap((level) => [null, ...AGENCY_LEVELS].map((parent) => [level, parent] as const));

  it('covers every level with every parent level and with no parent', () => {
    expect(combinations).toHaveLength(AGENCY_LEVELS.length * (AGENCY_LEVELS.length + 1));
  });

  it.each(combinations)('%s under %s', (level, parent) => {
    expect(placementError(level, parent === null ? null : { level: parent })).toBe(expected(level, parent));
  });

  it('spells out the two-level rule', () => {
    expect(placementError('PROVINCE', null)).toBeNull();
    expect(placementError('PROVINCE', undefined)).toBeNull();
    expect(placementError('PROVINCE', { level: 'PROVINCE' })).toBe('agency.provinceHasNoParent');
    expect(placementError('COMMUNE', { level: 'PROVINCE' })).toBeNull();
    expect(placementError('DEPARTMENT', { level: 'PROVINCE' })).toBeNull();
    expect(placementError('COMMUNE', undefined)).toBe('agency.parentRequired');
    expect(placementError('DEPARTMENT', null)).toBe('agency.parentRequired');
    expect(placementError('COMMUNE', { level: 'DEPARTMENT' })).toBe('agency.parentMustBeProvince');
    expect(placementError('DEPARTMENT', { level: 'COMMUNE' })).toBe('agency.parentMustBeProvince');
    expect(placementError('COMMUNE', { level: 'COMMUNE' })).toBe('agency.parentMustBeProvince');
  });
});

describe('buildTree', () => {
  it('returns no roots for no agencies', () => {
    expect(buildTree([])).toEqual([]);
  });

  it('puts departments before communes under a province, each by code', () => {
    const tree = buildTree([
      agency('x2', 'COMMUNE', 'p', 'H12.20'),
      agency('s2', 'DEPARTMENT', 'p', 'H12.S2'),
      agency('p', 'PROVINCE', null, 'H12'),
      agency('x1', 'COMMUNE', 'p', 'H12.10'),
      agency('s1', 'DEPARTMENT', 'p', 'H12.S1'),
    ]);
    expect(tree.map((n) => n.code)).toEqual(['H12']);
    expect(tree[0].children.map((n) => n.code)).toEqual(['H12.S1', 'H12.S2', 'H12.10', 'H12.20']);
    expect(tree[0].children.every((n) => n.children.length === 0)).toBe(true);
  });

  it('orders provinces by code, and keeps agencies whose parent is not in the list as roots', () => {
    const tree = buildTree([
      agency('q', 'PROVINCE', null, 'H20'),
      agency('orphan', 'COMMUNE', 'missing', 'H99.01'),
      agency('p', 'PROVINCE', null, 'H12'),
    ]);
    expect(tree.map((n) => n.code)).toEqual(['H12', 'H20', 'H99.01']);
  });

  it('keeps the other fields of each agency and leaves the input untouched', () => {
    const input = [
      { ...agency('p', 'PROVINCE'), name: 'Tỉnh An Phú' },
      { ...agency('x', 'COMMUNE', 'p'), name: 'Xã Bình Minh' },
    ];
    const before = structuredClone(input);
    const [root] = buildTree(input);
    expect(root).toEqual({ ...input[0], children: [{ ...input[1], children: [] }] });
    expect(input).toEqual(before);
  });

  // A forest: each agency's parent is an earlier agency, a missing one, or none.
  const forest = fc
    .array(
      fc.record({
        code: fc.string({ unit: fc.constantFrom('A', 'B', 'h', '1', '2', '.', '-'), maxLength: 4 }),
        level: fc.constantFrom(...AGENCY_LEVELS),
        parent: fc.oneof(fc.constant('none' as const), fc.constant('missing' as const), fc.nat()),
      }),
      { maxLength: 30 },
    )
    .map((rows) =>
      rows.map(({ code, level, parent }, i): Agency => ({
        id: `id-${i}`,
        code,
        level,
        parentId: parent === 'none' ? null : parent === 'missing' || i === 0 ? `gone-${i}` : `id-${parent % i}`,
      })),
    );

  it('property: every agency appears exactly once, under its parent when the parent is listed', () => {
    fc.assert(
      fc.property(forest, (agencies) => {
        const tree = buildTree(agencies);
        const seen = [...walk(tree)].map((n) => n.id);
        expect(seen.toSorted()).toEqual(agencies.map((a) => a.id).toSorted());

        const ids = new Set(agencies.map((a) => a.id));
        for (const root of tree) expect(root.parentId === null || !ids.has(root.parentId)).toBe(true);
        for (const node of walk(tree)) for (const child of node.children) expect(child.parentId).toBe(node.id);
      }),
    );
  });

  it('property: siblings are ordered by level (province, department, commune), then by code', () => {
    fc.assert(
      fc.property(forest, (agencies) => {
        const tree = buildTree(agencies);
        for (const siblings of [tree, ...[...walk(tree)].map((n) => n.children)]) {
          for (let i = 1; i < siblings.length; i++) {
            const [a, b] = [siblings[i - 1], siblings[i]];
            const byLevel = LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
            expect(byLevel < 0 || (byLevel === 0 && a.code.localeCompare(b.code) <= 0)).toBe(true);
          }
        }
      }),
    );
  });

  it('property: the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        forest.chain((agencies) => fc.tuple(fc.constant(agencies), fc.shuffledSubarray(agencies, { minLength: agencies.length }))),
        ([agencies, shuffled]) => {
          // Equal codes at one level leave the order between them open: compare each level as a set.
          const shape = (nodes: TreeNode<Agency>[]): unknown =>
            nodes.map((n) => `${n.level}:${n.code}:${n.id}:${JSON.stringify(shape(n.children))}`).toSorted();
          expect(shape(buildTree(shuffled))).toEqual(shape(buildTree(agencies)));
        },
      ),
    );
  });
});
