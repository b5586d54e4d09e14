// `npm run cluster -- start | stop | status`: the three-node PostgreSQL cluster of
// infra/cluster on this machine, under `${GONGZHI_DATA:-<repo>/data}/cluster`, ports from
// GONGZHI_CLUSTER_PORT (default 15400: HAProxy to the leader; see clusterPorts).
import { join } from 'node:path';
import { repoRoot } from '../src/runtime.ts';
import { openCluster, startCluster } from './postgres-cluster.ts';

const dir = join(process.env.GONGZHI_DATA ?? join(repoRoot, 'data'), 'cluster');
const basePort = Number(process.env.GONGZHI_CLUSTER_PORT ?? 15400);
const [command = 'status'] = process.argv.slice(2);

try {
  if (command === 'start') {
    const cluster = await startCluster({ dir, basePort });
    console.log(`cluster running under ${dir}`);
    console.log(`  leader through HAProxy: ${cluster.url}`);
    console.log(`  HAProxy statistics: http://127.0.0.1:${cluster.ports.stats}/`);
    console.log('  GONGZHI_STORE=postgres DATABASE_URL=<the URL above> npm start');
  } else if (command === 'stop') {
    await openCluster(dir).stop();
    console.log('cluster stopped');
  } else if (command === 'status') {
    for (const m of await openCluster(dir).members()) {
      console.log(`${m.name}  ${m.role.padEnd(13)} ${m.state}  lag ${m.lag ?? 0}`);
    }
  } else {
    throw new Error(`usage: npm run cluster -- start | stop | status (not ${command})`);
  }
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
