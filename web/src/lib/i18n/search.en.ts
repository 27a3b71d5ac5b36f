/** English strings of the teacher's filters and the date range; the shape of `search.zh-CN.ts`. */
import type { SearchMessages } from './search.zh-CN';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1] ?? ''}`;
const schoolGrade = (grade: number) => (grade === 0 ? 'Kindergarten' : `Grade ${grade}`);

export const searchMessages: SearchMessages = {
  schoolLegend: 'School groups',
  schoolHint: 'Venues a class can find and get into: the right grade, room for the class, places kept for schools',
  gradeLabel: 'Grade',
  gradeAny: 'Any grade',
  schoolGrade,
  groupSizeLabel: 'Pupils in the class',
  groupSizeHint: 'The venue admits groups of at least this size',
  schoolPlacesLabel: 'Places kept for schools (enough for the class on a coming open day)',
  schoolPlacesName: 'places for schools',
  gradeFilterName: (grade: number) => schoolGrade(grade),
  groupSizeFilterName: (n: number) => `a class of ${n}`,
  whenRange: 'Next two weeks, or chosen dates',
  whenRangeFrom: 'From',
  whenRangeTo: 'To',
  whenRangeDates: (from: string, to: string) => ` (${day(from)} – ${day(to)})`,
  whenRangeName: (from: string, to: string) => `open ${day(from)} – ${day(to)}`,
  whenRangeInvalid: 'The end cannot be before the start, and a range is at most 62 days',
  whenDatePick: 'Choose a day',
};
