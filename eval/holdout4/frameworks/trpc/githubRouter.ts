import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc';
import { logger } from '../logger';

const Repo = z.object({ id: z.number(), full_name: z.string(), stargazers_count: z.number() });
const RepoList = z.array(Repo);
const IssueList = z.array(z.object({ number: z.number(), title: z.string() }));

export const githubRouter = router({
  repos: protectedProcedure.input(z.object({ org: z.string() })).query(async ({ input, ctx }) => {
    const res = await fetch(`https://api.github.com/orgs/${input.org}/repos`, {
      headers: { Authorization: `Bearer ${ctx.session.githubToken}` },
      signal: AbortSignal.timeout(8_000),
    });
    if (!res.ok) throw new TRPCError({ code: 'BAD_GATEWAY' });
    return RepoList.parse(await res.json());
  }),

  issues: protectedProcedure.input(z.object({ repo: z.string() })).query(async ({ input }) => {
    const res = await fetch(`https://api.github.com/repos/${input.repo}/issues`, { signal: AbortSignal.timeout(8_000) });
    return IssueList.parse(await res.json());
  }),

  star: protectedProcedure.input(z.object({ repo: z.string() })).mutation(async ({ input, ctx }) => {
    logger.info({ repo: input.repo, token: ctx.session.githubToken }, 'starring repository'); // expect: secret-in-log
    const res = await fetch(`https://api.github.com/user/starred/${input.repo}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ctx.session.githubToken}` },
      signal: AbortSignal.timeout(8_000),
    });
    if (res.status !== 204) throw new TRPCError({ code: 'BAD_GATEWAY' });
    return { starred: true };
  }),

  readme: protectedProcedure.input(z.object({ repo: z.string() })).query(async ({ input, ctx }) => {
    logger.debug({ repo: input.repo, tokenPrefix: ctx.session.githubToken.slice(0, 4) }, 'reading readme');
    const res = await fetch(`https://api.github.com/repos/${input.repo}/readme`, { // expect: missing-timeout
      headers: { Accept: 'application/vnd.github.raw+json' },
    });
    const text = await res.text(); // expect: unchecked-response-status
    return { text };
  }),
});
