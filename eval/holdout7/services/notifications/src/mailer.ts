import nodemailer from 'nodemailer';

export const transport = nodemailer.createTransport({
  host: 'smtp.sendgrid.net',
  port: 587,
  auth: {
    user: 'apikey',
    pass: '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', // expect: hardcoded-credential
  },
});

export const devTransport = nodemailer.createTransport({
  host: 'localhost',
  port: 1025,
  secure: false,
});

export async function sendReceipt(to: string, html: string) {
  await transport.sendMail({ from: 'receipts@acme.dev', to, subject: 'Your receipt', html });
  console.info(`receipt sent to ${to}`);
}
