// API processes sharing one port as a Node cluster, for the benchmark's scale-out figure: the
// primary accepts each connection and hands it to the next worker process (round-robin), so a
// request costs no extra hop once its connection is open, as behind a load balancer.
//
// Usage (from scripts/bench.mjs, with an IPC channel): node scripts/bench-cluster.mjs <entry>
// It starts one process (which migrates a fresh database); the message 'fork' adds one more. The
// primary reports { listening: n } each time a process starts listening. SIGTERM stops every
// process and then the primary.
import cluster from 'node:cluster';

const [entry] = process.argv.slice(2);
cluster.schedulingPolicy = cluster.SCHED_RR; // the default on Linux, set so that it holds everywhere
cluster.setupPrimary({ exec: entry, args: [] });

let listening = 0;
let stopping = false;
cluster.on('listening', () => process.send?.({ listening: ++listening }));
cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers).length === 0) process.exit(0);
    return;
  }
  console.error(`bench cluster: process ${worker.process.pid} exited (${code ?? signal}); stopping`);
  process.exit(1);
});
process.on('message', (message) => {
  if (message === 'fork') cluster.fork();
});
process.on('SIGTERM', () => {
  stopping = true;
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) process.exit(0);
  for (const w of workers) w.process.kill('SIGTERM');
});
cluster.fork();
