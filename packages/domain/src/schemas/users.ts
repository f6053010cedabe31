import { z } from 'zod';
import { LocaleSchema, RoleSchema } from '../enums';
import { RefIdSchema, requiredText, VersionSchema } from './common';

// The wire contract of sign-in, users administration, one's own profile and personal API tokens.
// Strict where a client writes: a field outside the representation is rejected (400 UNKNOWN_FIELD).

/** Passwords: at least 12 characters; at most 256 so that hashing cannot be abused to burn CPU. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

/** An email address, trimmed and lower-cased (emails are stored lower-cased). */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters')
  .pipe(z.email({ error: 'Must be an email address' }));

/** Sector scope: empty means every sector. */
export const SectorScopeSchema = z
  .array(RefIdSchema)
  .max(200)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

// ---------------------------------------------------------------------------------------------- sign-in

/** `POST /api/auth/login`. Any string is accepted for the email so that a malformed one fails like a wrong one. */
export const LoginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'Required').max(320, 'At most 320 characters'),
  password: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`),
});

/** `POST /api/auth/password`. */
export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: PasswordSchema,
});

/** `POST /api/users/:id/password`: an admin sets a new password for another user (who forgot theirs). */
export const SetUserPasswordSchema = z.strictObject({
  password: PasswordSchema,
});

/** The signed-in user: `GET /api/auth/me`, and `user` in the answer to a sign-in. */
export const AuthMeSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** Sector scope; empty means every sector. */
  sectorIds: z.array(z.number()),
  locale: LocaleSchema,
});

// ---------------------------------------------------------------------------------------------- users (admin)

/** A user as the admin sees it: the signed-in user's fields and the account's state and bookkeeping. */
/** GET /api/directory: a user as every signed-in user may know them — an id and a display name. */
export const DirectoryEntrySchema = z.object({ id: z.number(), name: z.string() });

export const UserSchema = AuthMeSchema.extend({
  disabled: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /** Until when sign-in to this account is locked from some address (after failed attempts from it); null: not. */
  lockedUntil: z.string().nullable(),
  /** The addresses it is locked from (elsewhere the owner signs in as usual). Lift with POST /api/users/:id/unlock. */
  lockedFrom: z.array(z.string()),
});

/** Fields that come back in a full representation and change nothing when sent back on PUT. */
export const USER_READ_ONLY = ['id', 'createdAt', 'updatedAt', 'lastLoginAt', 'lockedUntil', 'lockedFrom'] as const;

const userFields = {
  email: EmailSchema,
  name: requiredText(200),
  role: RoleSchema,
  sectorIds: SectorScopeSchema,
  locale: LocaleSchema,
  disabled: z.boolean(),
};

/** `POST /api/users`. The password is set here only; afterwards the user changes it. */
export const CreateUserSchema = z.strictObject({
  ...userFields,
  role: RoleSchema.default('viewer'),
  sectorIds: SectorScopeSchema.default([]),
  locale: LocaleSchema.default('en'),
  disabled: z.boolean().default(false),
  password: PasswordSchema,
});

/** `PUT /api/users/:id`: the changed fields and `version` (or If-Match); read-only fields are accepted and ignored. */
export const UpdateUserSchema = z.strictObject({
  ...z.object(userFields).partial().shape,
  version: VersionSchema.optional(),
  id: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
  lastLoginAt: z.unknown().optional(),
  lockedUntil: z.unknown().optional(),
  lockedFrom: z.unknown().optional(),
});

// ---------------------------------------------------------------------------------------------- one's own profile

/**
 * `PUT /api/me`: a user changes their name and locale. The rest of the representation may come back too: read-only
 * fields are ignored, and privilege fields (email, role, sectorIds, disabled) must equal the stored values — a
 * different value is refused with 403, never applied.
 */
export const UpdateMeSchema = z.strictObject({
  name: requiredText(200).optional(),
  locale: LocaleSchema.optional(),
  version: VersionSchema.optional(),
  email: z.string().optional(),
  role: RoleSchema.optional(),
  sectorIds: z.array(RefIdSchema).optional(),
  disabled: z.boolean().optional(),
  id: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
  lastLoginAt: z.unknown().optional(),
  lockedUntil: z.unknown().optional(),
  lockedFrom: z.unknown().optional(),
});

// ---------------------------------------------------------------------------------------------- API tokens

export const ApiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The first characters of the token, to recognise it. */
  prefix: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** `POST /api/auth/tokens`. `expiresAt` must lie in the future; absent means no expiry. */
export const CreateApiTokenSchema = z.strictObject({
  name: requiredText(100),
  expiresAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'Must be an ISO 8601 date-time, e.g. 2026-12-31T00:00:00Z',
    })
    .nullable()
    .optional(),
});

/** The answer to `POST /api/auth/tokens`: the token itself is in it, and nowhere else, ever again. */
export const IssuedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });

export type AuthMe = z.infer<typeof AuthMeSchema>;
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
export type Login = z.infer<typeof LoginSchema>;
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;
export type SetUserPassword = z.infer<typeof SetUserPasswordSchema>;
export type User = z.infer<typeof UserSchema>;
export type CreateUser = z.infer<typeof CreateUserSchema>;
export type UpdateUser = z.infer<typeof UpdateUserSchema>;
export type UpdateMe = z.infer<typeof UpdateMeSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type CreateApiToken = z.infer<typeof CreateApiTokenSchema>;
export type IssuedApiToken = z.infer<typeof IssuedApiTokenSchema>;
