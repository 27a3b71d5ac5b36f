/**
 * Simplified Chinese strings of the account pages, the venue console and the bureau console, merged into
 * `messages` (zh-CN.ts); `console.en.ts` provides the same {@link ConsoleMessages} shape.
 */
import { bureauMessages, manageMessages } from './manage.zh-CN';

const roles: Record<string, string> = {
  parent: '家长',
  teacher: '教师',
  school_admin: '学校管理员',
  venue_manager: '场馆管理员',
  bureau: '教育局',
  admin: '系统管理员',
};

/** Friendly words for the API's stable error codes; unknown codes fall back to `requestFailed`. */
const apiErrors: Record<string, string> = {
  INVALID_CREDENTIALS: '邮箱或密码不正确。',
  EMAIL_TAKEN: '这个邮箱已经注册过。请直接登录，或重设密码。',
  WEAK_PASSWORD: '密码太简单：至少 10 个字符，且不要与邮箱相同。',
  SCHOOL_REQUIRED: '教师注册需要选择所在学校。',
  SCHOOL_NOT_FOUND: '没有找到这所学校，请重新选择。',
  ROLE_NOT_SELF_SERVICE: '这种账号只能由管理员创建。',
  INVALID_RESET_TOKEN: '这个重设链接无效、已用过或已过期。请重新申请。',
  AUTH_REQUIRED: '请先登录。',
  FORBIDDEN: '你的账号没有权限做这件事。',
  CSRF_TOKEN_INVALID: '登录状态已过期，请刷新页面后再试。',
  CSRF_ORIGIN_MISMATCH: '请求来自其他网站，已拒绝。',
  NOT_YOUR_VENUE: '只有这个场馆的管理员可以修改它。',
  OUTSIDE_REGION: '这不在你所在教育局的管辖范围内。',
  NO_ORGANISATION: '你的账号还不属于任何机构。',
  UNKNOWN_ADCODE: '没有这个行政区划代码。',
  INVALID_OPENING_HOURS: '开放时间的格式不正确。',
  INVALID_RANGE: '数值范围不正确（最小值不能大于最大值）。',
  EMPTY_PATCH: '没有需要保存的修改。',
  VENUE_NOT_PENDING: '这个场馆已经不在待审核状态。',
  CLAIM_NOT_PENDING: '这个认领申请已经处理过。',
  CLAIM_EXISTS: '你已经提交过这个场馆的认领申请，正在等待审核。',
  ALREADY_MANAGED: '你的机构已经在管理这个场馆。',
  VENUE_NOT_FOUND: '没有找到这个场馆。',
  DEV_MAILBOX_OFF: '开发邮箱只在演示模式下可用。',
  VALIDATION_FAILED: '有些内容填写不正确，请检查后再试。',
  PHOTO_TOO_LARGE: '图片太大。',
  PHOTO_TYPE: '只能上传 JPEG、PNG 或 WebP 图片。',
  UNSUPPORTED_PHOTO_TYPE: '只能上传 JPEG、PNG 或 WebP 图片。',
};

export const consoleMessages = {
  manage: manageMessages,
  bureau: bureauMessages,
  roleLabel: (role: string) => roles[role] ?? role,
  /** An API failure in words; `seconds` for rate limits. */
  apiErrorCode: (code: string) => apiErrors[code],
  rateLimited: (seconds: number | null) =>
    seconds ? `尝试次数太多，请 ${seconds} 秒后再试。` : '尝试次数太多，请稍后再试。',
  requestFailed: (message: string) => `操作没有成功：${message}`,

  skipToMain: '跳到主要内容',

  nav: {
    label: '账号导航',
    home: '地图',
    manage: '我的场馆',
    bureau: '审核与监管',
    mailbox: '开发邮箱',
    signIn: '登录',
    register: '注册',
    signOut: '退出登录',
    signedInAs: (name: string, role: string) => `已登录：${name}（${role}）`,
    checking: '正在确认登录状态…',
  },

  account: {
    loginTitle: '登录',
    loginIntro: '场馆管理员、教师和教育局工作人员登录后管理场馆、预约和审核。浏览地图不需要登录。',
    email: '邮箱',
    password: '密码',
    passwordHint: '至少 10 个字符',
    newPassword: '新密码',
    submitLogin: '登录',
    signingIn: '正在登录…',
    forgot: '忘记密码？',
    noAccount: '还没有账号？',
    registerLink: '注册',
    haveAccount: '已有账号？',
    loginLink: '登录',
    registerTitle: '注册',
    registerIntro: '选择你的身份。教育局、学校管理员账号由系统管理员创建。',
    displayName: '你的称呼',
    roleLegend: '我是',
    roleParent: '家长',
    roleParentHint: '预约开放日、收藏场馆',
    roleTeacher: '教师',
    roleTeacherHint: '为班级预约研学（需所在学校管理员确认）',
    roleManager: '场馆管理员',
    roleManagerHint: '发布场馆、开放日和活动（需教育局审核）',
    school: '所在学校',
    schoolSearch: '搜索学校名称',
    schoolNone: '没有找到这所学校',
    schoolChosen: (name: string) => `已选择：${name}`,
    schoolUnavailable: '暂时无法搜索学校。',
    organisation: '机构名称',
    organisationHint: '运营场馆的单位，例如“某某区文化馆”',
    submitRegister: '注册并登录',
    registering: '正在注册…',
    resetTitle: '重设密码',
    resetIntro: '输入注册邮箱，我们会发送一个重设链接（30 分钟内有效）。',
    submitReset: '发送重设链接',
    resetSent: '如果这个邮箱注册过，重设链接已经发出。请查收邮件。',
    resetSentDemo: '演示模式下邮件不会真的发出，可以在开发邮箱中查看。',
    newPasswordTitle: '设置新密码',
    submitNewPassword: '保存新密码',
    passwordChanged: '密码已更新，请用新密码登录。',
    required: '必填',
    errorSummary: '提交没有成功',
    signInNeeded: '这个页面需要先登录。',
    roleNeeded: (roles: string) => `这个页面只对以下账号开放：${roles}。`,
  },

  mailbox: {
    title: '开发邮箱',
    notice: '这是开发用的邮箱：演示模式下，开门不会真正发送任何邮件或短信，本该发出的消息都显示在这里。',
    empty: '还没有消息。',
    to: '收件人',
    sentAt: '时间',
    refresh: '刷新',
    off: '开发邮箱只在演示模式（内置数据库）下可用。',
    count: (n: number) => `共 ${n} 条消息`,
  },
};

export type ConsoleMessages = typeof consoleMessages;
