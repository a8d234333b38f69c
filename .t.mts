import { budgetInputs, hiddenTextInputs, escapeInputs, HIDDEN } from './tests/helpers/hostile/inputs.ts';
import { BudgetedReader } from './src/lib/ingest/budget/budget.ts';
const reader = new BudgetedReader();
for (const input of [...budgetInputs(), ...hiddenTextInputs(), ...escapeInputs()]) {
  let t = performance.now();
  const bytes = await input.bytes();
  const gen = Math.round(performance.now() - t);
  t = performance.now();
  const r = await reader.read(bytes, input.file);
  const text = r.ok ? r.blocks.map((b) => b.text).join('\n') + JSON.stringify(r.meta) : '';
  const leaked = Object.values(HIDDEN).filter((h) => text.includes(h));
  console.log(input.name, (bytes.length / 1e6).toFixed(2), 'MB gen', gen, 'read', Math.round(performance.now() - t), 'ms', r.ok ? `ok ${r.blocks.length} blocks leaked=${leaked} meta=${JSON.stringify(r.meta)}` : r.reason.slice(0, 90));
}
await reader.close();
