import { describe, expect, it } from 'vitest';
import type { Summary } from '../../stats/figures.js';
import { bucketLabel, chartData, outcomeChart } from './dashboard-view.js';

describe('chartData', () => {
  it('gives no chart when there is nothing to draw: no labels, or every number zero', () => {
    expect(chartData({ type: 'bar', labels: [], datasets: [{ label: 'Tiếp nhận', data: [] }] })).toBeNull();
    expect(
      chartData({
        type: 'bar',
        labels: ['H12.05', 'H12.06'],
        datasets: [
          { label: 'Tiếp nhận', data: [0, 0] },
          { label: 'Đã giải quyết', data: [0, 0] },
        ],
      }),
    ).toBeNull();
  });

  it('gives the chart as its data-chart attribute as soon as one number is not zero', () => {
    const spec = {
      type: 'line' as const,
      labels: ['2026-11-02'],
      datasets: [
        { label: 'Tiếp nhận', data: [0] },
        { label: 'Trễ hạn', data: [1] },
      ],
    };
    expect(JSON.parse(chartData(spec)!)).toEqual(spec);
  });
});

describe('outcomeChart', () => {
  const summary = (early: number, onTime: number, late: number) =>
    ({ resolved: { total: early + onTime + late, early, onTime, late } }) as Summary;

  it('keeps the table of zeros but draws no doughnut when nothing was resolved', () => {
    const view = outcomeChart(summary(0, 0, 0), {}, 'vi');
    expect(view.chart).toBeNull();
    expect(view.rows.map((r) => r.value)).toEqual(['0', '0', '0']);
    expect(JSON.parse(outcomeChart(summary(1, 0, 0), {}, 'vi').chart!).datasets[0].data).toEqual([1, 0, 0]);
  });
});

describe('bucketLabel', () => {
  it('names a trend bucket by its first date, as people write dates here', () => {
    expect(bucketLabel('2026-03-02', 'week', 'vi')).toBe('Tuần từ 02/03/2026');
    expect(bucketLabel('2026-03-02', 'week', 'en')).toBe('Week of 02/03/2026');
    expect(bucketLabel('2026-03-01', 'month', 'vi')).toBe('Tháng 3/2026');
    expect(bucketLabel('2026-11-01', 'month', 'en')).toBe('11/2026');
  });
});
