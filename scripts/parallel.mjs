// Runs shell commands at the same time and prints each one's output whole when it ends (no
// interleaved lines); exits 1 if any failed. `npm test` runs lint and type checks this way: each
// is mostly one process on one core.
//   node scripts/parallel.mjs "npm run -s lint" "astro check"
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs "<command>" ["<command>" …]');
  process.exit(2);
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n> ${command}\n${Buffer.concat(output).toString()}`);
      if (code !== 0) process.stdout.write(`\n“${command}” failed (exit ${code}).\n`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(commands.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
