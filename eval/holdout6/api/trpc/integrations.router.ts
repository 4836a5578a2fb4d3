import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { router, protectedProcedure } from '../trpc';

const Repo = z.object({ id: z.number(), full_name: z.string(), private: z.boolean() });

export const integrationsRouter = router({
  listRepos: protectedProcedure.input(z.object({ installationToken: z.string() })).query(async ({ input, ctx }) => {
    const res = await fetch('https://api.github.com/installation/repositories?per_page=100', {
      headers: { authorization: `token ${input.installationToken}`, accept: 'application/vnd.github+json' },
      signal: ctx.signal ?? AbortSignal.timeout(10_000),
    });
    const body = z.object({ repositories: z.array(Repo) }).parse(await res.json());
    return body.repositories;
  }),

  connectSlack: protectedProcedure
    .input(z.object({ teamId: z.string(), botToken: z.string(), channel: z.string() }))
    .mutation(async ({ input, ctx }) => {
      console.info('connecting slack workspace', input.teamId, input.botToken); // expect: secret-in-log
      const res = await fetch('https://slack.com/api/auth.test', {
        method: 'POST',
        headers: { authorization: `Bearer ${input.botToken}` },
        signal: AbortSignal.timeout(8_000),
      });
      const test = (await res.json()) as { ok: boolean; team_id?: string }; // expect: unchecked-response-status
      if (!test.ok || test.team_id !== input.teamId) throw new TRPCError({ code: 'BAD_REQUEST' });
      await ctx.db.slackConnection.upsert({ teamId: input.teamId, channel: input.channel });
      return { connected: true };
    }),

  linearTeams: protectedProcedure.query(async ({ ctx }) => {
    const res = await fetch('https://api.linear.app/graphql', {
      method: 'POST',
      headers: { authorization: ctx.linearKey, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ teams { nodes { id name } } }' }),
      signal: AbortSignal.timeout(8_000),
    });
    if (!res.ok) throw new TRPCError({ code: 'BAD_GATEWAY', message: `linear ${res.status}` });
    return (await res.json()) as { data: { teams: { nodes: { id: string; name: string }[] } } };
  }),
});
