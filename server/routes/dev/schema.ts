import { Type } from '@sinclair/typebox';
import { Nullable } from '../../schemas/common.ts';

export const Mailbox = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      recipient: Type.String(),
      topic: Type.String(),
      subject: Type.String(),
      body: Type.String(),
      created_at: Type.String({ format: 'date-time' }),
      sent_at: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});
