import { Type } from '@sinclair/typebox';
import { Id, Nullable } from './common.ts';

/** TypeBox pieces the venue console's routes share: venues, slots, programmes and photos. */

/** Text a person types: not blank, at most `maxLength` characters. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** The venue a console route acts on. */
export const VenueIdParams = Type.Object({ id: Id });

/** A venue photo: in the venue's record and as an upload answers it. */
export const Photo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  content_type: Type.String(),
  bytes: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Nullable(Type.String()),
});
