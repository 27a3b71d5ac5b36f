/**
 * 教师团体预约、打印确认单和学校行程的中文文案（zh-CN 优先）；`teacher.en.ts` 与之同形。
 * 页面在 `$derived` 中读取 `teacherText(i18n.lang)`。
 */
import type { AccessibilityNeed } from '$domain/vocab.ts';

const needs: Record<AccessibilityNeed, string> = {
  wheelchair: '有学生使用轮椅',
  hearing: '有听障学生',
  visual: '有视障学生',
  cognitive: '有需要认知支持的学生',
};

const errors: Record<string, string> = {
  GROUP_NEEDS_ADULT: '学校团体至少需要一位带队老师或成人。',
  GROUP_TOO_SMALL: '人数少于这个活动接待的团体下限。',
  GROUP_TOO_LARGE: '人数超过这个活动接待的团体上限。',
  GRADE_NOT_SERVED: '这个活动不接待所选年级。',
  NOT_SCHOOL_TEACHER: '只有学校确认过的老师才能为该校预约团体。',
  SCHOOL_NOT_FOUND: '没有找到所选学校。',
  GROUP_NEEDS_TEACHER: '学校团体由老师预约；家长请预约家庭名额。',
  SOLD_OUT: '名额不足：刚有人预约了这些名额。剩余名额已更新，请减少人数或选择其他时段。',
};

export const teacherMessages = {
  kindLegend: '为谁预约',
  kindFamily: '我的家庭',
  kindGroup: '学校团体（一个班）',
  groupLegend: '班级团体',
  school: '学校',
  pupils: '学生人数',
  adults: '带队老师和其他成人',
  grade: '年级',
  needsLegend: '无障碍需求（可多选）',
  need: (need: string) => needs[need as AccessibilityNeed] ?? need,
  note: '给场馆的备注',
  noteHint: '请勿填写任何学生的姓名或证件号；只写人数、到达方式等场馆需要知道的事。',
  total: (n: number) => `共 ${n} 人`,
  schoolUnverified: '你的学校尚未通过教育局核验：这次只能使用公众名额。',
  planHeading: '提交前请确认',
  planSchool: (n: number) => `将使用学校专用名额（绿色通道）${n} 个。`,
  planPublic: (n: number) => `将使用公众名额 ${n} 个。`,
  planBoth: (school: number, pub: number) => `将使用学校专用名额（绿色通道）${school} 个，另加公众名额 ${pub} 个。`,
  planNoFit: (n: number) =>
    n === 0 ? '这个时段没有可供学校团体预约的名额。' : `名额不足：学校团体最多还能预约 ${n} 人。`,
  planEmpty: '请先填写学生和带队成人的人数。',
  cancelBy: (at: string) => `${at} 前可以在“我的预约”中取消。`,
  cancelPassed: '取消截止时间已过：提交后如需取消，请联系场馆。',
  approvalNeeded: '需要场馆审批：提交后为“等待场馆确认”，场馆批准后才算预约成功，名额先为你保留。',
  approvalNotNeeded: '无需场馆审批：提交即预约成功。',
  placesForGroups: (school: number, pub: number) => `学校专用名额剩余 ${school} 个，公众名额剩余 ${pub} 个`,
  confirm: '提交团体预约',
  confirming: '正在提交…',
  // The booking and its printable confirmation.
  party: (pupils: number, adults: number) => `学生 ${pupils} 名，成人 ${adults} 名`,
  channel: (school: number, pub: number) =>
    school > 0 && pub > 0
      ? `学校专用名额 ${school} 个 + 公众名额 ${pub} 个`
      : school > 0
        ? `学校专用名额（绿色通道）${school} 个`
        : `公众名额 ${pub} 个`,
  declinedReason: (reason: string) => `场馆的说明：${reason}`,
  print: '打印确认单',
  printTitle: '团体预约确认单',
  printNow: '打印',
  backToBooking: '← 返回预约',
  venue: '场馆',
  time: '时间',
  address: '地址',
  contact: '场馆电话',
  status: '状态',
  bookedBy: '预约老师',
  accessNeeds: '无障碍需求',
  none: '无',
  bringHeading: '请携带',
  bring: [
    '本确认单（打印件或手机上的预约码、二维码）',
    '带队老师的工作证或教师证',
    '学生人数清点表（只写人数，不必带学生名单给场馆）',
    '饮用水和适合活动的服装',
  ],
  admissionRule: (rule: string) => `场馆入场须知：${rule}`,
  notConfirmedYet: '这次预约尚未被场馆确认，确认单仅供参考。',
  errorCode: (code: string): string | undefined => errors[code],
  // The school admin's view of the school's trips.
  trips: {
    heading: (school: string) => `${school}的研学行程`,
    intro: '本校老师的团体预约：即将进行的和已经结束的，按老师和班级人数列出。',
    coming: '即将进行',
    past: '已经结束',
    none: '暂无。',
    loading: '正在加载…',
    teacher: '老师',
    klass: '班级',
    venue: '场馆',
    time: '时间',
    status: '状态',
    size: (pupils: number, adults: number) => `${pupils} 名学生 / ${adults} 名成人`,
  },
};

export type TeacherMessages = typeof teacherMessages;
