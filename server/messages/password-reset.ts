import { bilingual } from './message.ts';

/** A password-reset link, sent to the account's address. */
export function passwordResetMessage(input: { recipientName: string; link: string; validMinutes: number }) {
  const { link, validMinutes } = input;
  return bilingual(
    'password_reset',
    {
      zh: {
        subject: '重设开门密码',
        lines: [
          `${input.recipientName}，您好：`,
          `请在 ${validMinutes} 分钟内打开以下链接重设密码：`,
          link,
          '如果不是您本人操作，请忽略本邮件。',
        ],
      },
      en: {
        subject: 'Reset your Kaimen password',
        lines: [
          `Open this link within ${validMinutes} minutes to reset your password: ${link}`,
          'If you did not ask for it, ignore this message.',
        ],
      },
    },
    { link },
  );
}
