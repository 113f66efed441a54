// W2 for Drizzle without drizzle-kit's command line: what an application calls at start-up,
// drizzle-orm's migrator over one node-postgres client (drizzle-kit migrate runs the same migrator).
//   BENCH_DB_URL=postgresql://... NODE_PATH=<dir with node_modules> node drizzle_migrate.cjs MIGRATIONS_DIR
const { drizzle } = require("drizzle-orm/node-postgres");
const { migrate } = require("drizzle-orm/node-postgres/migrator");
const { Client } = require("pg");

(async () => {
  const client = new Client({ connectionString: process.env.BENCH_DB_URL });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: process.argv[2] });
  } finally {
    await client.end();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
