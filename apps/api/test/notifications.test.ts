import { randomUUID } from 'node:crypto';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

interface NotificationItem {
  id: string;
  kind: string;
  createdAt: string;
  readAt: string | null;
  payload: { visitId?: string };
}

describe('notifications: the firm is told who is at the gate, and marks it read', () => {
  let w: DemoWorld;
  let visitId: string;

  beforeAll(async () => {
    w = await startDemoWorld();
    const code = await w.issueCode(w.firms.sinian);
    const res = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, code, w.firms.sinian, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-2026-0815',
      }),
    );
    expect(res.statusCode).toBe(201);
    visitId = res.json().visit.id;
  });
  afterAll(() => w.t.close());

  const list = async (user: 'firm1' | 'firm2'): Promise<NotificationItem[]> => {
    const res = await w.users[user].request('GET', '/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const ofVisit = (items: NotificationItem[]) => items.find((n) => n.payload.visitId === visitId);

  it("lists the check-in to the firm's user, newest first and unread, and to no other firm", async () => {
    const items = await list('firm1');
    expect(items[0]).toMatchObject({ kind: 'OFFICER_AT_GATE', payload: { visitId }, readAt: null });
    const times = items.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(ofVisit(await list('firm2'))).toBeUndefined();
  });

  it("answers 404 for another user's notification and for one that does not exist, changing nothing", async () => {
    const mine = ofVisit(await list('firm1'))!;
    const other = await w.users.firm2.request('POST', `/api/v1/notifications/${mine.id}/read`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    const missing = await w.users.firm1.request(
      'POST',
      `/api/v1/notifications/${randomUUID()}/read`,
    );
    expect(missing.statusCode).toBe(404);
    expect(ofVisit(await list('firm1'))!.readAt).toBeNull();
  });

  it('marks it read (204) with the time, and again without error', async () => {
    const mine = ofVisit(await list('firm1'))!;
    const before = Date.now();
    const res = await w.users.firm1.request('POST', `/api/v1/notifications/${mine.id}/read`);
    expect(res.statusCode).toBe(204);
    const readAt = ofVisit(await list('firm1'))!.readAt;
    expect(readAt).not.toBeNull();
    expect(Date.parse(readAt!)).toBeGreaterThanOrEqual(before - 1000);
    const again = await w.users.firm1.request('POST', `/api/v1/notifications/${mine.id}/read`);
    expect(again.statusCode).toBe(204);
  });
});
