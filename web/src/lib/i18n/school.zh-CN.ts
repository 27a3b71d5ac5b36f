/**
 * Simplified Chinese strings of the school console's registration, claim and profile, of the bureau's
 * school queue and of the teacher's school on the map. Kept beside the main catalogues, as the admin
 * strings are (`school.ts` picks one by language); `school.en.ts` provides the same {@link SchoolMessages}.
 */
import type { SchoolKind, SchoolVerificationStatus } from '$domain/vocab.ts';

const kinds: Record<SchoolKind, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior_secondary: '初级中学',
  senior_secondary: '高级中学',
  nine_year: '九年一贯制学校',
  twelve_year: '十二年一贯制学校',
  special_education: '特殊教育学校',
};

const verification: Record<SchoolVerificationStatus, string> = {
  pending: '等待教育局核实',
  verified: '已核实',
  rejected: '未通过核实',
};

const GRADE_NAMES = ['幼儿园', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];

/** 0 is kindergarten, 1–6 primary, 7–9 初一–初三, 10–12 高一–高三. */
function gradeLabel(grade: number): string {
  if (grade <= 6) return GRADE_NAMES[grade] ?? String(grade);
  if (grade <= 9) return `初${'一二三'[grade - 7]}`;
  return `高${'一二三'[grade - 10]}`;
}

export const schoolMessages = {
  kindLabel: (kind: string | null) => (kind === null ? '—' : (kinds[kind as SchoolKind] ?? kind)),
  verificationLabel: (status: string) => verification[status as SchoolVerificationStatus] ?? status,
  gradeLabel,
  console: {
    noSchoolHeading: '登记或认领你的学校',
    noSchoolIntro:
      '学校管理员先登记学校（或认领已经列出的学校），由学校所在区县的教育局核实。核实之后，本校教师才能使用研学绿色通道。',
    registerHeading: '登记新学校',
    claimHeading: '认领已列出的学校',
    claimsHeading: '我的认领申请',
    claimStatus: (status: string) =>
      ({ pending: '等待教育局审核', approved: '已通过', rejected: '未通过' })[status] ?? status,
    claimReason: (reason: string) => `原因：${reason}`,
    loading: '正在加载…',
    pendingNote: '教育局核实之前，本校教师还不能使用绿色通道预约。',
    rejectedNote: (reason: string) => `教育局未通过核实：${reason}。修改后保存即可重新提交。`,
    reviewNote: (note: string) => `说明：${note}`,
    district: '所在区县',
    districtUnknown: '（由位置确定）',
    grades: '学段',
    pupils: '学生人数',
    contact: '联系人',
    address: '地址',
    location: '位置',
    edit: '修改学校信息',
    closeEdit: '收起',
    anotherSchool: '再登记或认领一所学校',
  },
  form: {
    nameZh: '学校名称（中文）',
    nameEn: '学校名称（英文）',
    kind: '学校类型',
    gradesLegend: '学段（年级）',
    gradesHint: '已按学校类型预选，可以修改。',
    addressZh: '地址（中文）',
    addressEn: '地址（英文）',
    location: '学校位置',
    district: '所在区县（选填）',
    districtHint: '选填。输入区县名称并从建议中选择，地图会移到那里；不填则按学校位置确定。所填区县须与位置一致。',
    districtFromPoint: (name: string) => `按位置属于：${name}`,
    districtAfterSave: '保存后由服务器按位置确定区县。',
    pupilCount: '学生人数（选填）',
    pupilCountHint: '用于教育局统计每万名学生的资源，不公开。',
    contactLegend: '联系人（只给教育局看）',
    contactName: '联系人姓名',
    contactPhone: '联系电话',
    contactEmail: '联系邮箱',
    submit: '提交登记',
    submitting: '正在提交…',
    save: '保存修改',
    saving: '正在保存…',
    saved: '已保存。',
    savedBackToReview: '已保存。学校需要教育局重新核实。',
    needName: '请填写学校名称。',
    needKind: '请选择学校类型。',
    needGrades: '请至少选择一个年级。',
    needPoint: '请在地图上标出学校位置，或填写经纬度。',
    needContact: '请填写联系人姓名。',
    badPupils: '学生人数须为不小于 0 的整数。',
    registered: (name: string) => `已登记“${name}”，等待教育局核实。`,
    reviewWarning:
      '注意：已核实的学校如果改名、换到别的区县，或位置移动超过 500 米，需要教育局重新核实；在此之前本校教师不能使用绿色通道。',
  },
  claim: {
    intro: '学校已经在开门上（例如由教育局导入）？找到它，说明你与学校的关系，由教育局审核。',
    search: '学校名称',
    landmark: '查找要认领的学校',
    searchButton: '查找',
    searching: '正在查找…',
    results: (n: number) => (n ? `找到 ${n} 所学校` : '没有找到学校'),
    choose: '认领这所学校',
    chooseLabel: (name: string) => `认领这所学校：${name}`,
    evidence: '你与学校的关系',
    evidenceHint: '例如职务、学校办公电话、可供核实的信息。',
    send: '提交认领',
    cancel: '取消',
    sent: (name: string) => `已提交对“${name}”的认领，等待教育局审核。`,
  },
  bureau: {
    schoolsHeading: '待核实的学校',
    schoolsEmpty: '没有待核实的学校。',
    claimsHeading: '学校认领申请',
    claimsEmpty: '没有待审核的学校认领。',
    verify: '核实通过',
    verifyLabel: (name: string) => `核实通过 ${name}`,
    reject: '不通过',
    rejectLabel: (name: string) => `不通过 ${name}`,
    rejectReason: '不通过的原因（会告知学校）',
    confirmReject: '确认不通过',
    approveClaim: '通过认领',
    approveClaimLabel: (name: string) => `通过认领：${name}`,
    rejectClaim: '驳回认领',
    rejectClaimLabel: (name: string) => `驳回认领：${name}`,
    verified: (name: string) => `已核实“${name}”。`,
    rejected: (name: string) => `已不通过“${name}”。`,
    claimApproved: (name: string) => `已通过对“${name}”的认领。`,
    claimRejected: (name: string) => `已驳回对“${name}”的认领。`,
    claimant: '申请人',
    evidence: '关系说明',
    contact: '联系人',
    submitted: '提交于',
    point: '位置',
    showMap: '在地图上查看',
    hideMap: '收起地图',
    grades: '学段',
    pupils: '学生人数',
    previousNote: (note: string) => `重新提交的原因：${note}`,
  },
};

/** The shape every language's school strings must provide. */
export type SchoolMessages = typeof schoolMessages;
