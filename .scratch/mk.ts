import { generateListings } from '/work/main/scripts/bench/synthetic.ts';
import { benchProject } from '/work/main/scripts/bench/project-copy.ts';
const papers = Number(process.argv[2] ?? 10000);
const s = generateListings({ papers, seed: 1 });
const dir = await benchProject(s.listings);
console.log(dir);
