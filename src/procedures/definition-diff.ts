/** One difference between two versions' definitions, at a JSON path like `form.fields[2].label.vi`. */
export interface DefinitionChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * Compares two JSON documents leaf by leaf. Arrays of objects with a `key`
 * or `code` (fields, components, steps) are matched by it, so inserting a
 * field reads as one addition rather than a shift of every later field.
 */
export function diffDefinitions(before: unknown, after: unknown, path = ''): DefinitionChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffDefinitions(own(before, k), own(after, k), path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const id = identity(before) ?? identity(after);
    if (id) {
      const index = (list: unknown[]) => new Map(list.map((item) => [String((item as Record<string, unknown>)[id]), item]));
      const a = index(before);
      const b = index(after);
      const ids = [...new Set([...a.keys(), ...b.keys()])];
      return ids.flatMap((k) => diffDefinitions(a.get(k), b.get(k), `${path}[${id}=${k}]`));
    }
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffDefinitions(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path, change: 'added', after }];
  if (after === undefined) return [{ path, change: 'removed', before }];
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, change: 'changed', before, after }];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The property that identifies the items of an array of objects, when every item has a distinct one. */
function identity(list: unknown[]): 'key' | 'code' | undefined {
  if (list.length === 0 || !list.every(isPlainObject)) return undefined;
  for (const id of ['key', 'code'] as const) {
    const values = list.map((item) => (item as Record<string, unknown>)[id]);
    if (values.every((v) => typeof v === 'string') && new Set(values).size === values.length) return id;
  }
  return undefined;
}

/** Own properties only: a key such as `__proto__` in the JSON is data, not the prototype. */
function own(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}
