import { Router } from 'express';
import axios from 'axios';
import { logger } from '../logger';
import { users } from '../db';

export const usersRouter = Router();

usersRouter.get('/:id/avatar', async (req, res, next) => {
  try {
    const upstream = await axios.get(`https://avatars.example.com/${req.params.id}`, { responseType: 'stream', timeout: 5_000 });
    upstream.data.pipe(res);
  } catch (error) {
    next(error);
  }
});

usersRouter.post('/:id/verify-email', async (req, res) => {
  logger.info({ userId: req.params.id, token: req.body.token }, 'verifying email'); // expect: secret-in-log
  const ok = await users.confirmEmail(req.params.id, req.body.token);
  res.status(ok ? 204 : 400).end();
});

usersRouter.post('/:id/password', async (req, res) => {
  logger.info({ userId: req.params.id, passwordChanged: true }, 'password change requested');
  await users.setPassword(req.params.id, req.body.password);
  res.status(204).end();
});

usersRouter.get('/:id/gravatar', async (req, res) => {
  const user = await users.find(req.params.id);
  const { data } = await axios.get(`https://www.gravatar.com/${user.emailHash}.json`); // expect: missing-timeout
  res.json(data);
});

usersRouter.get('/:id/legacy-profile', async (req, res) => {
  const { data } = await axios.get(`http://profiles.legacy-crm.com/api/users/${req.params.id}`, { timeout: 4_000 }); // expect: insecure-transport
  res.json(data);
});
