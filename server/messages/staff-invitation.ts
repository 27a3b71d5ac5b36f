import type { InvitableStaffRole } from '../../domain/vocab.ts';
import { bilingual } from './message.ts';

const ROLE_ZH: Record<InvitableStaffRole, string> = { co_manager: '共同管理员', door_staff: '现场核验员' };
const ROLE_EN: Record<InvitableStaffRole, string> = { co_manager: 'co-manager', door_staff: 'door staff' };

/** An invitation to join a venue organisation's staff, with the link that accepts it. */
export function staffInvitationMessage(input: {
  organisationName: string;
  inviterName: string;
  role: InvitableStaffRole;
  link: string;
  validDays: number;
}) {
  const { organisationName, inviterName, role, link, validDays } = input;
  return bilingual(
    'staff_invitation',
    {
      zh: {
        subject: `邀请您加入「${organisationName}」`,
        lines: [
          `${inviterName} 邀请您以${ROLE_ZH[role]}身份加入「${organisationName}」的开门场馆团队。`,
          `请在 ${validDays} 天内打开以下链接接受邀请（已有账号请登录，没有账号可直接注册）：`,
          link,
          '如果您不认识邀请人，请忽略本邮件。',
        ],
      },
      en: {
        subject: `Join ${organisationName} on Kaimen`,
        lines: [
          `${inviterName} invites you to join the venue staff of ${organisationName} as ${ROLE_EN[role]}.`,
          `Open this link within ${validDays} days to accept (sign in, or sign up with this email): ${link}`,
          'If you do not know who sent it, ignore this message.',
        ],
      },
    },
    { link, role, organisation_name: organisationName },
  );
}
