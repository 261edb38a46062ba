// Preloaded (`node --require`) into a measured process: on exit, writes its peak RSS and CPU time to
// $SECURE_IAC_BENCH_STATS. /proc/self/status's VmHWM is the whole process's high-water mark, worker threads included,
// read at the very end so no late peak (report building) is missed, as polling from outside could.
const { readFileSync, writeFileSync } = require('node:fs');

const target = process.env.SECURE_IAC_BENCH_STATS;
if (target) {
  process.on('exit', () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    const cpu = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ peakRssKb: kb('VmHWM'), userMs: cpu.user / 1000, systemMs: cpu.system / 1000 }));
  });
}
