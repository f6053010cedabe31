import type { Prisma, PrismaClient } from '@rabta/db';
import { announceChange, deferAnnouncements } from './changes.service';

// The write path's half of the change feed: announcements made in a transaction are sent once it has committed,
// never from inside it (a NOTIFY inside a write transaction serialises every commit of the cluster), and never for
// a transaction that rolled back.

function fakeClient() {
  const executed: string[] = [];
  const tx = {
    $executeRaw: (strings: TemplateStringsArray) => {
      executed.push(strings.join('?'));
      return Promise.resolve(1);
    },
  } as unknown as Prisma.TransactionClient;
  const client = {
    $transaction: async (arg: unknown) =>
      typeof arg === 'function' ? (arg as (t: unknown) => Promise<unknown>)(tx) : Promise.all(arg as unknown[]),
  } as unknown as PrismaClient;
  return { client, tx, executed };
}

describe('deferAnnouncements', () => {
  it('should send what a transaction announced after it commits, and nothing from inside it', async () => {
    const { client, executed } = fakeClient();
    const sent: string[][] = [];
    deferAnnouncements(client, (r) => sent.push(r));
    const result = await client.$transaction(async (tx) => {
      await announceChange(tx, 'initiatives');
      await announceChange(tx, 'status-updates');
      await announceChange(tx, 'initiatives');
      expect(sent).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(sent).toEqual([['initiatives', 'status-updates']]);
    expect(executed).toEqual([]);
  });

  it('should send nothing for a transaction that rolls back', async () => {
    const { client } = fakeClient();
    const sent: string[][] = [];
    deferAnnouncements(client, (r) => sent.push(r));
    await expect(
      client.$transaction(async (tx) => {
        await announceChange(tx, 'settings');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(sent).toEqual([]);
  });

  it('should install once, and leave other clients announcing inside their transactions', async () => {
    const deferred = fakeClient();
    const sent: string[][] = [];
    deferAnnouncements(deferred.client, (r) => sent.push(r));
    deferAnnouncements(deferred.client, (r) => sent.push(['twice', ...r]));
    await deferred.client.$transaction(async (tx) => announceChange(tx, 'people'));
    expect(sent).toEqual([['people']]);

    const plain = fakeClient();
    await plain.client.$transaction(async (tx) => announceChange(tx, 'people'));
    expect(plain.executed).toEqual(['SELECT pg_notify(?, ?)']);
  });
});
