import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs the table files against drizzle/meta and writes a new SQL migration
// into drizzle/ (committed). Table files import only drizzle-orm, so drizzle-kit can load them alone.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.table.ts',
  out: './drizzle',
});
