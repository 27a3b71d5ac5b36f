import { bilingual } from './message.ts';

const ROLE_ZH = { bureau: '教育主管部门', admin: '平台管理员' } as const;
const ROLE_EN = { bureau: 'an education bureau officer', admin: 'an administrator' } as const;

/** An administrator made an account for the recipient: the link sets its password. */
export function accountInvitationMessage(input: {
  recipientName: string;
  inviterName: string;
  role: keyof typeof ROLE_ZH;
  link: string;
  validDays: number;
}) {
  const { recipientName, inviterName, role, link, validDays } = input;
  return bilingual(
    'account_invitation',
    {
      zh: {
        subject: '您的开门账号已开通',
        lines: [
          `${recipientName}，您好：`,
          `${inviterName} 为您开通了开门的${ROLE_ZH[role]}账号。`,
          `请在 ${validDays} 天内打开以下链接设置密码，之后用本邮箱登录：`,
          link,
          '如果您不认识邀请人，请忽略本邮件。',
        ],
      },
      en: {
        subject: 'Your Kaimen account is ready',
        lines: [
          `${inviterName} made you a Kaimen account as ${ROLE_EN[role]}.`,
          `Open this link within ${validDays} days to set your password, then sign in with this email: ${link}`,
          'If you do not know who sent it, ignore this message.',
        ],
      },
    },
    { link, role },
  );
}
