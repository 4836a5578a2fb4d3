import { createClient } from 'redis';
import mongoose from 'mongoose';
import { Sequelize } from 'sequelize';

const DB_USER = process.env.DB_USER;
const DB_PASSWORD = process.env.DB_PASSWORD;

export const redis = createClient({ url: 'rediss://default:Rk9qW2xP7vLm3Nt8@cache-prod.example.com:6380' }); // expect: hardcoded-credential

export const localRedis = createClient({ url: 'redis://default:devpassword123@localhost:6379' });

export async function connectMongo() {
  await mongoose.connect(`mongodb+srv://${DB_USER}:${DB_PASSWORD}@cluster0.abcde.mongodb.net/app`);
}

export const analytics = new Sequelize('postgres://analytics:Qm4vT9zLp2Xw@analytics-db.example.com:5432/analytics'); // expect: hardcoded-credential

export const replica = new Sequelize('postgres://reader:reader@replica.example.com:5432/app');

export const warehouse = new Sequelize(process.env.WAREHOUSE_URL ?? 'postgres://etl:<password>@warehouse.example.com/dw');

export const amqpUrl = 'amqp://guest:Gu3stPa55w0rd@rabbitmq.example.com:5672'; // expect: hardcoded-credential

export const sftp = {
  host: 'sftp.partner.example.com',
  username: 'acme-upload',
  privateKey: process.env.SFTP_PRIVATE_KEY,
  passphrase: 'Wq7#mZ2pL9xK', // expect: hardcoded-credential
};
