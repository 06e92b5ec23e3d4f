import type { FastifyInstance } from 'fastify';
import { API_STATUS, sendEnvelope } from './envelope';
import { fieldErrors } from './createSessionSchema';
import { lockSession, terminateSession } from '../../domain/sessions/sessionChanges';
import type { MountRow, SessionRow } from '../../domain/sessions/sessionRow';
import { SESSION_STATES, transition } from '../../domain/sessions/state';
import type { ServiceContext } from '../../context';
import { listSessionsQuerySchema } from './opsSchemas';
import { summaryCounts } from './summaryCounts';
import {
  decodeCursor,
  encodeCursor,
  maskedAccountOf,
  mountView,
  sessionSummary,
} from './sessionViews';

/** Ops API: list, inspect and terminate the authenticated program's sessions. */
export async function opsRoutes(app: FastifyInstance, context: ServiceContext): Promise<void> {
  const { store } = context;

  app.get('/api/v1/sessions', async (request, reply) => {
    const program = request.program!.username;
    const parsed = listSessionsQuerySchema.safeParse(request.query, { reportInput: true });
    const cursor =
      parsed.success && parsed.data.cursor ? decodeCursor(parsed.data.cursor) : undefined;
    if (!parsed.success || cursor === null)
      return sendEnvelope(
        request,
        reply,
        API_STATUS.INVALID_FIELDS,
        parsed.success
          ? { cursor: ['The cursor field is not a cursor from a previous page.'] }
          : fieldErrors(parsed.error.issues),
        { developer_message: 'invalid_request_fields' },
      );
    const q = parsed.data;
    const where: string[] = ['program = $1'];
    const params: unknown[] = [program];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (q.participant_unique_id1 !== undefined)
      add('participant_unique_id1 = ?', q.participant_unique_id1);
    if (q.participant_unique_id2 !== undefined)
      add('participant_unique_id2 = ?', q.participant_unique_id2);
    if (q.created_from) add('created_at >= ?', new Date(q.created_from));
    if (q.created_to) add('created_at < ?', new Date(q.created_to));
    const filtered = [...where];
    if (q.status) add('state = ?', q.status);
    if (cursor) {
      params.push(new Date(cursor[0]), cursor[1]);
      where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(q.limit + 1);
    const rows = await store.query<SessionRow>(
      `SELECT * FROM sessions WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const data: Record<string, unknown> = {
      sessions: page.map(sessionSummary),
      next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
    };
    if (q.include_summary === 'true') {
      // Counts cover the participant/time filters, not the status filter or the page.
      const counts = await summaryCounts(store, program, q, filtered, params);
      data.summary = Object.fromEntries(
        SESSION_STATES.map((s) => [s, Number(counts.find((c) => c.state === s)?.count ?? 0)]),
      );
    }
    return sendEnvelope(request, reply, API_STATUS.OK, data);
  });

  app.get<{ Params: { id: string } }>('/api/v1/sessions/:id', async (request, reply) => {
    const program = request.program!;
    const session = (
      await store.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 AND program = $2', [
        request.params.id,
        program.username,
      ])
    )[0];
    if (!session) return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
    const mounts = await store.query<MountRow>(
      'SELECT * FROM mounts WHERE session_id = $1 ORDER BY created_at',
      [session.id],
    );
    const events = await store.query<{
      id: string;
      at: Date;
      event_name: string;
      detail: Record<string, unknown>;
    }>('SELECT id, at, event_name, detail FROM session_events WHERE session_id = $1 ORDER BY seq', [
      session.id,
    ]);
    return sendEnvelope(request, reply, API_STATUS.OK, {
      ...sessionSummary(session),
      attempts: {
        session_used: session.attempts_used,
        session_limit: program.attempt_limits.per_session,
        per_feature_per_mount: program.attempt_limits.per_feature_per_mount,
        mounts: mounts.map(mountView),
      },
      account: maskedAccountOf(mounts),
      events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    });
  });

  app.post<{ Params: { id: string } }>('/api/v1/sessions/:id/terminate', async (request, reply) => {
    const program = request.program!;
    const now = context.clock();
    const outcome = await store.transaction(async (tx) => {
      const session = await lockSession(tx, request.params.id, program.username);
      if (!session) return { kind: 'not_found' as const };
      if (!transition(session.state, 'terminated')) return { kind: 'final' as const, session };
      return { kind: 'terminated' as const, session: await terminateSession(tx, session, now) };
    });
    if (outcome.kind === 'not_found') return sendEnvelope(request, reply, API_STATUS.NOT_FOUND);
    if (outcome.kind === 'final')
      return sendEnvelope(
        request,
        reply,
        API_STATUS.SESSION_FINAL,
        sessionSummary(outcome.session),
        {
          client_message: 'The session has already ended',
          developer_message: `session_${outcome.session.state}`,
        },
      );
    return sendEnvelope(request, reply, API_STATUS.OK, sessionSummary(outcome.session));
  });
}
