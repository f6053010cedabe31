// Prisma CLI configuration. The app never reads this: it builds its own client (packages/db) and applies
// migrations with its own migrator, because Prisma's schema engine binary cannot be downloaded here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/rabta' },
});
