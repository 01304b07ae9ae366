// Seeds the database named by DATABASE_URL with the browser tests' data and prints it as JSON.
import { migrate } from '../src/lib/server/db/migrate';
import { closeDb } from '../src/lib/server/db';
import { seed } from '../tests/support/seed';

await migrate();
process.stdout.write(JSON.stringify(await seed()));
await closeDb();
