import { loadConfig } from '../config.ts';
import { openDatabase } from './engine.ts';
import { migrate } from './migrate.ts';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(handle);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
      : 'Database is up to date.',
  );
} finally {
  await handle.close();
}
