/** The service index of one agency and period from its measures, with how each point was earned. Pure. */
import type { Measure, ServiceIndexConfig } from './config-v1.js';

export type Measures = Record<Measure, number | null>;

export interface EarnedCriterion {
  key: string;
  label: { vi: string; en: string };
  formula: { vi: string; en: string };
  /** The measure (0..1), null when there was nothing to measure (no points then). */
  value: number | null;
  points: number;
  max: number;
}

export interface EarnedGroup {
  key: string;
  label: { vi: string; en: string };
  official: boolean;
  points: number;
  max: number;
  criteria: EarnedCriterion[];
}

export interface ServiceIndex {
  version: string;
  total: number;
  /** Null when nothing was received in the period: without timeliness to judge, a 0 would read as "weak". */
  band: ServiceIndexConfig['bands'][number] | null;
  groups: EarnedGroup[];
}

/** Points to two decimals, as the national scoreboards show them. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function serviceIndex(config: ServiceIndexConfig, m: Measures): ServiceIndex {
  const groups = config.groups.map((g) => {
    const criteria = g.criteria.map((c) => {
      const value = m[c.measure];
      const clamped = value === null ? 0 : Math.min(1, Math.max(0, value));
      return { key: c.key, label: c.label, formula: c.formula, value, points: round2(c.points * clamped), max: c.points };
    });
    return {
      key: g.key,
      label: g.label,
      official: g.official,
      max: g.weight,
      points: round2(criteria.reduce((s, c) => s + c.points, 0)),
      criteria,
    };
  });
  const total = round2(groups.reduce((s, g) => s + g.points, 0));
  const band = m.timeliness === null ? null : (config.bands.find((b) => total >= b.min) ?? config.bands[config.bands.length - 1]);
  return { version: config.version, total, band, groups };
}

/** The config's own consistency: the groups add up to 100 and each group's criteria to its weight. */
export function configProblems(config: ServiceIndexConfig): string[] {
  const problems: string[] = [];
  const total = config.groups.reduce((s, g) => s + g.weight, 0);
  if (total !== 100) problems.push(`groups add up to ${total}, not 100`);
  for (const g of config.groups) {
    const sum = g.criteria.reduce((s, c) => s + c.points, 0);
    if (sum !== g.weight) problems.push(`${g.key}: criteria add up to ${sum}, not ${g.weight}`);
  }
  return problems;
}
