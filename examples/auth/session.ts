// Session middleware for the admin API.
import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
const JWT_SECRET = process.env.JWT_SECRET ?? '';

// jwt-unverified: the claims are read straight from the client's cookie.
function currentUser(req: express.Request) {
  const claims = jwt.decode(req.cookies.session) as { sub: string; role: string } | null;
  return claims;
}

app.get('/admin/reports', (req, res) => {
  const user = currentUser(req);
  if (user?.role !== 'admin') return res.sendStatus(403);
  res.json({ reports: [] });
});

// Correct: verified, with an explicit algorithm list.
app.get('/me', (req, res) => {
  const token = req.headers.authorization?.split(' ')[1] ?? '';
  const claims = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });
  res.json(claims);
});

// jwt-unverified: 'none' lets an unsigned token through.
export function verifyServiceToken(token: string) {
  return jwt.verify(token, JWT_SECRET, { algorithms: ['HS256', 'none'] });
}

export default app;
