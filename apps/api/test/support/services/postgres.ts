import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Creates an empty database on the server of `baseUrl`; returns its URL and a drop function. */
export async function createFreshDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  // Generated from hex only, so it is safe to splice into DDL (identifiers cannot be parameters).
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
