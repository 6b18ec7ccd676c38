/**
 * The service index of Decision 766/QĐ-TTg (100 points in six groups), as
 * data: each criterion names the measure it takes (a fraction 0..1), its
 * points and its formula as shown on the page. The decision fixes the groups
 * and their weights; it does not publish every sub-formula, so the split of
 * a group into criteria below is this portal's reading (marked `official:
 * false`). A new reading is a new version: a page always names the version
 * it computed with.
 */
export type Measure =
  | 'publishedProcedures'
  | 'timeliness'
  | 'fullOnlineProcedures'
  | 'usedOnlineProcedures'
  | 'onlineRate'
  | 'onlinePaymentRate'
  | 'satisfiedRate'
  | 'electronicResults'
  | 'digitisedRate'
  | 'reuseRate';

export interface Criterion {
  key: string;
  measure: Measure;
  points: number;
  label: { vi: string; en: string };
  formula: { vi: string; en: string };
}

export interface Group {
  key: 'transparency' | 'timeliness' | 'onlineService' | 'onlinePayment' | 'satisfaction' | 'digitisation';
  weight: number;
  label: { vi: string; en: string };
  /** Whether the split of this group into criteria is the decision's own. */
  official: boolean;
  criteria: Criterion[];
}

export interface ServiceIndexConfig {
  version: string;
  source: string;
  groups: Group[];
  bands: { min: number; key: 'excellent' | 'good' | 'fairlyGood' | 'average' | 'weak'; label: { vi: string; en: string } }[];
}

export const SERVICE_INDEX_V1: ServiceIndexConfig = {
  version: '766-v1',
  source: 'Quyết định 766/QĐ-TTg ngày 23/6/2022',
  groups: [
    {
      key: 'transparency',
      weight: 18,
      label: { vi: 'Công khai, minh bạch', en: 'Transparency' },
      official: false,
      criteria: [
        {
          key: 'published',
          measure: 'publishedProcedures',
          points: 18,
          label: { vi: 'Thủ tục được công khai trên Cổng', en: 'Procedures published on the portal' },
          formula: {
            vi: '18 × thủ tục đã công bố / thủ tục cơ quan thực hiện',
            en: '18 × published procedures / procedures the agency serves',
          },
        },
      ],
    },
    {
      key: 'timeliness',
      weight: 20,
      label: { vi: 'Tiến độ giải quyết', en: 'Timeliness' },
      official: true,
      criteria: [
        {
          key: 'timely',
          measure: 'timeliness',
          points: 20,
          label: { vi: 'Hồ sơ giải quyết đúng hạn', en: 'Dossiers handled on time' },
          formula: {
            vi: '20 × (đã giải quyết trước và đúng hạn + đang giải quyết chưa quá hạn) / tiếp nhận',
            en: '20 × (resolved early or on time + in progress and not overdue) / received',
          },
        },
      ],
    },
    {
      key: 'onlineService',
      weight: 12,
      label: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
      official: false,
      criteria: [
        {
          key: 'offered',
          measure: 'fullOnlineProcedures',
          points: 4,
          label: { vi: 'Thủ tục cung cấp trực tuyến toàn trình', en: 'Procedures offered fully online' },
          formula: { vi: '4 × thủ tục toàn trình / thủ tục', en: '4 × fully online procedures / procedures' },
        },
        {
          key: 'used',
          measure: 'usedOnlineProcedures',
          points: 4,
          label: { vi: 'Thủ tục trực tuyến có phát sinh hồ sơ', en: 'Online procedures actually used' },
          formula: {
            vi: '4 × thủ tục có hồ sơ trực tuyến trong kỳ / thủ tục trực tuyến',
            en: '4 × procedures with an online dossier in the period / online procedures',
          },
        },
        {
          key: 'rate',
          measure: 'onlineRate',
          points: 4,
          label: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online rate' },
          formula: { vi: '4 × hồ sơ trực tuyến / tiếp nhận', en: '4 × online dossiers / received' },
        },
      ],
    },
    {
      key: 'onlinePayment',
      weight: 10,
      label: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
      official: true,
      criteria: [
        {
          key: 'paid',
          measure: 'onlinePaymentRate',
          points: 10,
          label: { vi: 'Hồ sơ có phí được thanh toán trực tuyến', en: 'Dossiers with a fee paid online' },
          formula: { vi: '10 × hồ sơ thanh toán trực tuyến / hồ sơ có phí', en: '10 × paid online / received with a fee' },
        },
      ],
    },
    {
      key: 'satisfaction',
      weight: 18,
      label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      official: false,
      criteria: [
        {
          key: 'satisfied',
          measure: 'satisfiedRate',
          points: 18,
          label: { vi: 'Đánh giá hài lòng và rất hài lòng', en: 'Ratings satisfied or very satisfied' },
          formula: { vi: '18 × đánh giá mức 4 và 5 / lượt đánh giá', en: '18 × ratings of 4 and 5 / ratings' },
        },
      ],
    },
    {
      key: 'digitisation',
      weight: 22,
      label: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
      official: false,
      criteria: [
        {
          key: 'results',
          measure: 'electronicResults',
          points: 8,
          label: { vi: 'Kết quả điện tử', en: 'Electronic results' },
          formula: { vi: '8 × hồ sơ có kết quả điện tử / đã giải quyết', en: '8 × resolved with an electronic result / resolved' },
        },
        {
          key: 'components',
          measure: 'digitisedRate',
          points: 8,
          label: { vi: 'Thành phần hồ sơ được số hóa', en: 'Digitised components' },
          formula: { vi: '8 × hồ sơ số hóa đủ thành phần / tiếp nhận', en: '8 × dossiers with every component electronic / received' },
        },
        {
          key: 'reuse',
          measure: 'reuseRate',
          points: 6,
          label: { vi: 'Tái sử dụng dữ liệu', en: 'Reuse of data' },
          formula: {
            vi: '6 × hồ sơ tái sử dụng dữ liệu / hồ sơ có thành phần thay được bằng dữ liệu',
            en: '6 × dossiers reusing data / dossiers with a component data can replace',
          },
        },
      ],
    },
  ],
  bands: [
    { min: 90, key: 'excellent', label: { vi: 'Xuất sắc', en: 'Excellent' } },
    { min: 80, key: 'good', label: { vi: 'Tốt', en: 'Good' } },
    { min: 70, key: 'fairlyGood', label: { vi: 'Khá', en: 'Fairly good' } },
    { min: 50, key: 'average', label: { vi: 'Trung bình', en: 'Average' } },
    { min: 0, key: 'weak', label: { vi: 'Yếu', en: 'Weak' } },
  ],
};
