/**
 * Simplified Chinese strings of venue staff accounts: the staff page (/manage/staff) and the invitation
 * page (/invite/[token]). Read with `staffText(lang)` (staff.ts); `staff.en.ts` has the same shape.
 */

const roles: Record<string, string> = { manager: '管理员', co_manager: '共同管理员', door_staff: '现场核验员' };

export const staffMessages = {
  title: '员工',
  link: '员工与今日场次',
  linkHint: '邀请同事、设置角色；现场核验员只能查看当天的预约并核验入场。',
  intro: '邀请同事加入本机构：共同管理员可以管理机构的全部场馆；现场核验员只能查看当天的预约名单并核验入场码。',
  roleLabel: (role: string) => roles[role] ?? role,
  organisation: '机构',
  loading: '正在加载…',
  // Inviting
  inviteHeading: '邀请同事',
  inviteEmail: '同事的邮箱',
  inviteRole: '角色',
  roleHints: {
    co_manager: '可以编辑场馆、场次、预约和员工。',
    door_staff: '只能查看当天的预约名单、核验入场码、更正到场人数。',
  } as Record<string, string>,
  inviteSubmit: '发送邀请',
  inviting: '正在发送…',
  invited: (email: string) => `邀请已发送到 ${email}，链接 7 天内有效。`,
  // Members
  membersHeading: '团队成员',
  you: '（你）',
  changeRoleLabel: (name: string) => `${name} 的角色`,
  saveRole: '保存角色',
  roleChanged: (name: string, role: string) => `${name} 现在是${roles[role] ?? role}。`,
  remove: '移除',
  removeLabel: (name: string) => `移除 ${name}`,
  confirmRemove: (name: string) => `确认移除 ${name}？移除后对方立即失去访问权限。`,
  confirmRemoveButton: '确认移除',
  cancel: '取消',
  removed: (name: string) => `已移除 ${name}。`,
  // Invitations
  invitationsHeading: '待接受的邀请',
  noInvitations: '没有待接受的邀请。',
  expires: (at: string) => `有效期至 ${at}`,
  expired: '已过期',
  revoke: '撤回',
  revokeLabel: (email: string) => `撤回给 ${email} 的邀请`,
  revoked: (email: string) => `已撤回给 ${email} 的邀请。`,
  // The day's slots
  todayHeading: '今日场次',
  todayIntro: '本机构各场馆今天的场次；打开名单可查看预约，或下载 CSV。',
  noSlots: '今天没有场次。',
  rosterJson: '预约名单',
  rosterCsv: '下载 CSV',
  rosterLabel: (what: string, slot: string) => `${what}：${slot}`,
  cancelledSlot: '已取消',
  notStaff: '你已不在任何场馆团队中，无法查看场次和预约。如需继续，请联系机构管理员重新邀请。',
  // The invitation page
  inviteTitle: '团队邀请',
  inviteSignIn: '登录查看团队',
  invitationText: (organisation: string, role: string) =>
    `你受邀以「${roles[role] ?? role}」身份加入「${organisation}」。`,
  invitationFor: (email: string) => `邀请发送给：${email}`,
  accept: '接受邀请',
  accepting: '正在接受…',
  signInToAccept: '这个邮箱已有账号，请输入密码登录后接受邀请。',
  signInAndAccept: '登录并接受邀请',
  signUpToAccept: '用这个邮箱注册账号并加入团队：',
  yourName: '你的称呼',
  signUpAndAccept: '注册并加入',
  otherAccount: (email: string) =>
    `你现在登录的是 ${email}，这份邀请是发给另一个邮箱的。请退出后用受邀的邮箱登录或注册。`,
  signOut: '退出登录',
  goToStaff: '前往员工页面',
  errors: {
    INVITATION_NOT_FOUND: '这个邀请链接无效，请向管理员索取新的邀请。',
    INVITATION_USED: '这个邀请已经被接受过了。',
    INVITATION_REVOKED: '管理员已撤回这个邀请。',
    INVITATION_EXPIRED: '这个邀请已过期，请向管理员索取新的邀请。',
    INVITATION_FOR_ANOTHER_EMAIL: '这个邀请是发给另一个邮箱的，请用受邀的邮箱登录。',
    ACCOUNT_CANNOT_JOIN_STAFF: '教师、学校管理员和教育局账号不能加入场馆团队，请让管理员邀请另一个邮箱。',
    ALREADY_STAFF: '这个邮箱的账号已经在团队里了。',
    LAST_MANAGER: '机构至少要保留一位管理员。请先把另一位同事设为共同管理员。',
    STAFF_MEMBER_NOT_FOUND: '这位同事已经不在团队里了。',
    NOT_YOUR_ORGANISATION: '只有本机构的管理员可以管理员工。',
    NOT_STAFF: '你已不在任何场馆团队中。',
    EMAIL_TAKEN: '这个邮箱已有账号，请登录后接受邀请。',
  } as Record<string, string>,
};

export type StaffMessages = typeof staffMessages;
