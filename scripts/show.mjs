// Debug view: prints an article's quotes with speaker, mention and cue.
// usage: node scripts/show.mjs FILE.jsonl ID_PREFIX   (or a .txt file)
import { readFileSync } from 'node:fs';
import { analyze } from '../dist/src/index.js';
const [file, id] = process.argv.slice(2);
const arts = file.endsWith('.txt') ? [{ id: 'txt', text: readFileSync(file, 'utf8') }]
  : readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((a) => String(a.id).startsWith(id ?? ''));
for (const a of arts.slice(0, 1)) {
  const r = analyze(a.text, { id: a.id });
  for (const q of r.quotes) console.log(`[${q.type[0]}] ${String(q.speaker.name).padEnd(22)} <${q.speaker.mention?.text ?? ''}> {${q.cue?.text ?? ''}} ${q.text.replace(/\s+/g, ' ').slice(0, 110)}`);
  console.log('--');
  for (const p of r.people) console.log(p.id, p.kind, p.gender ?? '', p.name, JSON.stringify(p.descriptors), p.mentions.length);
}
