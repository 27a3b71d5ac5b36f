import { bilingual } from './message.ts';

/**
 * Sign-up answers the same whether or not the address has an account (issue 13), so the address's
 * owner learns by message what happened: a new account was made, or someone tried to make one.
 */
export function accountCreatedMessage(input: { recipientName: string; loginUrl: string; resetUrl: string }) {
  const { loginUrl, resetUrl } = input;
  return bilingual(
    'account_created',
    {
      zh: {
        subject: '欢迎使用开门',
        lines: [
          `${input.recipientName}，您好：`,
          '您的开门账号已经创建好了。登录地址：',
          loginUrl,
          '如果不是您本人注册的，请打开以下链接重设密码，收回这个账号：',
          resetUrl,
        ],
      },
      en: {
        subject: 'Welcome to Kaimen',
        lines: [
          `Your Kaimen account is ready. Sign in at ${loginUrl}`,
          `If you did not sign up, reset the password to take the account over: ${resetUrl}`,
        ],
      },
    },
    { login_url: loginUrl, reset_url: resetUrl },
  );
}

/** Someone tried to sign up with an address that already has an account. */
export function signUpWithExistingAccountMessage(input: { recipientName: string; loginUrl: string; resetUrl: string }) {
  const { loginUrl, resetUrl } = input;
  return bilingual(
    'sign_up_existing_account',
    {
      zh: {
        subject: '有人用您的邮箱注册开门',
        lines: [
          `${input.recipientName}，您好：`,
          '刚才有人用这个邮箱注册开门，但这个邮箱已经有账号了，所以没有创建新账号。',
          '如果是您本人，请直接登录：',
          loginUrl,
          '忘记密码的话，可以在这里重设：',
          resetUrl,
          '如果不是您本人操作，请忽略本邮件，您的账号没有任何变化。',
        ],
      },
      en: {
        subject: 'Someone tried to sign up to Kaimen with your address',
        lines: [
          'Someone just tried to sign up to Kaimen with this address. It already has an account, so no new one was made.',
          `If it was you, sign in at ${loginUrl}; if you forgot the password, reset it at ${resetUrl}`,
          'If it was not you, ignore this message: nothing about your account has changed.',
        ],
      },
    },
    { login_url: loginUrl, reset_url: resetUrl },
  );
}
