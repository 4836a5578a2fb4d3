import superagent from 'superagent';
import request from 'superagent';

const DESK = 'https://api.helpdesk-cloud.com/v1';
const deskToken = () => process.env.HELPDESK_API_TOKEN;

export async function createTicket(ticket) {
  const res = await superagent
    .post(`${DESK}/tickets`)
    .set('Authorization', `Bearer ${deskToken()}`)
    .send(ticket)
    .timeout({ response: 5000, deadline: 20000 });
  return res.body;
}

export async function listTickets(status) {
  const res = await request.get(`${DESK}/tickets`).query({ status }).set('Authorization', `Bearer ${deskToken()}`); // expect: missing-timeout
  return res.body.tickets;
}

export async function addComment(ticketId, body) {
  return request
    .post(`${DESK}/tickets/${ticketId}/comments`)
    .set('Authorization', `Bearer ${deskToken()}`)
    .timeout(8000)
    .send({ body });
}

export function closeTicket(ticketId) {
  return superagent.put(`${DESK}/tickets/${ticketId}/close`).set('Authorization', `Bearer ${deskToken()}`); // expect: missing-timeout
}
