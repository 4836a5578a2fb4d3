import request from 'superagent';

export interface Lead {
  email: string;
  company: string;
}

export async function fetchFeed(url: string) {
  const res = await request.get(url).set('Accept', 'application/rss+xml'); // expect: missing-timeout
  return res.text;
}

export async function postLead(lead: Lead) {
  const res = await request.post('https://crm.example.com/api/leads').send(lead).timeout({ response: 5_000, deadline: 20_000 });
  return res.body;
}
