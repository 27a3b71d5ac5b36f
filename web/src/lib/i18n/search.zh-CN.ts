/**
 * Simplified Chinese strings of the teacher's filters and the date range (issue 11), merged into
 * `messages` (zh-CN.ts); `search.en.ts` provides the same {@link SearchMessages} shape.
 */

const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 0 is kindergarten, 1–6 primary, 7–9 junior middle, 10–12 senior middle. */
function schoolGrade(grade: number): string {
  if (grade === 0) return '幼儿园';
  if (grade <= 6) return `小学${'一二三四五六'[grade - 1]}年级`;
  if (grade <= 9) return `初${'一二三'[grade - 7]}`;
  return `高${'一二三'[grade - 10]}`;
}

export const searchMessages = {
  schoolLegend: '学校团体',
  schoolHint: '按班级找得到、进得去的场馆：适合的年级，能接待的人数，给学校留的名额',
  gradeLabel: '年级',
  gradeAny: '不限年级',
  schoolGrade,
  groupSizeLabel: '班级人数',
  groupSizeHint: '场馆团体接待人数不少于此数',
  schoolPlacesLabel: '有学校专属名额（近期开放日给学校留的名额够全班）',
  schoolPlacesName: '有学校专属名额',
  gradeFilterName: (grade: number) => schoolGrade(grade),
  groupSizeFilterName: (n: number) => `${n} 人的班级`,
  whenRange: '未来两周或自选日期',
  whenRangeFrom: '从',
  whenRangeTo: '到',
  whenRangeDates: (from: string, to: string) => `（${day(from)}至${day(to)}）`,
  whenRangeName: (from: string, to: string) => `${day(from)}至${day(to)}开放`,
  whenRangeInvalid: '结束日期不能早于开始日期，且最长 62 天',
  whenDatePick: '请选择日期',
};

export type SearchMessages = typeof searchMessages;
