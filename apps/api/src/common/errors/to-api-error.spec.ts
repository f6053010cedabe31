import { Prisma } from '@rabta/db';
import { toApiError } from './to-api-error';

const prismaError = (code: string, message: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: Prisma.prismaVersion.client, meta });

describe('toApiError for database errors', () => {
  it('should answer a transaction that ran out of time (P2028) with a logged 503 that says nothing was saved', () => {
    const { body, internal } = toApiError(
      prismaError(
        'P2028',
        'Transaction API error: Transaction not found. Transaction ID is invalid, refers to an old closed transaction',
      ),
      'req-1',
    );
    expect(body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringContaining('nothing was saved'),
    });
    expect(internal).toBe(true);
  });

  it('should answer a unique violation with a 409 naming the field, as the client’s doing (not logged as a bug)', () => {
    const { body, internal } = toApiError(prismaError('P2002', 'Unique constraint failed', { target: ['code'] }));
    expect(body).toMatchObject({ statusCode: 409, code: 'UNIQUE_VIOLATION', errors: { code: 'Already exists' } });
    expect(internal).toBe(false);
  });

  it('should hide an unknown error behind a 500 that names the request', () => {
    const { body, internal } = toApiError(new Error('secret detail'), 'req-2');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: expect.stringContaining('req-2') });
    expect(body.message).not.toContain('secret');
    expect(internal).toBe(true);
  });
});
