// `npm run bench:engine -- --base <commit>`: the engine of the working tree against the engine of
// another commit, both run in one process. On a machine whose speed drifts by a tenth or more
// between runs, alternated runs of separate processes cannot tell a change of a few percent;
// here both engines analyse each batch of the same generated articles in turn, so the drift
// falls on both alike (the same build against itself: within 2.5 %). Which build is loaded
// first moves the result by a few percent (up to 8 % on the first articles), so the runs
// alternate it. First it checks whether both give the same analyses. Options: --runs 6
// --articles 3000.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateArticle, loadSeedMaterial, seededRandom } from './bench/corpusGenerator';

// out/scripts/engineCompare.js -> the repository root.
const root = join(__dirname, '..', '..');
/** Articles per batch: small enough that drift within a batch is negligible, large enough to time. */
const BATCH = 50;
/** The first articles warm the engines up (V8's compilers, compromise, the memos): reported apart. */
const WARM_UP_ARTICLES = 1000;
const CORPUS_SEED = 20_265_000;

type Analyze = (text: string) => unknown;

interface RunTimes {
  /** Milliseconds of each build on the warm-up articles and on the rest, base then head. */
  base: [number, number];
  head: [number, number];
  headFirst: boolean;
}

if (process.argv[2] === '--child') {
  const [baseBundle, headBundle, corpusFile, order] = process.argv.slice(3) as [string, string, string, string];
  console.log(JSON.stringify(timeBoth(baseBundle, headBundle, JSON.parse(readFileSync(corpusFile, 'utf8')) as string[], order === 'head-first')));
} else {
  void main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { base: { type: 'string' }, runs: { type: 'string', default: '6' }, articles: { type: 'string', default: '3000' } } });
  const runs = Number(values.runs);
  const articles = Number(values.articles);
  if (values.base === undefined || !Number.isInteger(runs) || runs < 2 || !Number.isInteger(articles) || articles <= WARM_UP_ARTICLES) {
    console.error(`usage: npm run bench:engine -- --base <commit> [--runs N >= 2] [--articles N > ${WARM_UP_ARTICLES}]`);
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'article-lens-engines-'));
  const baseTree = join(work, 'base');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', '--quiet', baseTree, values.base], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    console.error(`cannot check out ${values.base}: ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error)}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(2);
  }
  try {
    symlinkSync(join(root, 'node_modules'), join(baseTree, 'node_modules'), 'dir');
    const baseBundle = await bundleEngine(baseTree, join(work, 'base-engine.js'));
    const headBundle = await bundleEngine(root, join(work, 'head-engine.js'));

    const material = loadSeedMaterial(join(root, 'seeds'));
    const random = seededRandom(CORPUS_SEED);
    const corpus = Array.from({ length: articles }, () => generateArticle(material, random, 5 + Math.floor(random() * 12)));
    const corpusFile = join(work, 'corpus.json');
    writeFileSync(corpusFile, JSON.stringify(corpus));

    const seeds = readSeeds();
    const differing = differingAnalyses(baseBundle, headBundle, [...seeds, ...corpus]);
    console.log(`analyses: ${differing} of ${seeds.length + corpus.length} texts (the seeds and the generated articles) differ between ${values.base} and the working tree`);

    const times: RunTimes[] = [];
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 1 ? 'head-first' : 'base-first';
      const output = execFileSync(process.execPath, [__filename, '--child', baseBundle, headBundle, corpusFile, order], { encoding: 'utf8' });
      const result = JSON.parse(output.trim().split('\n').pop() as string) as RunTimes;
      times.push(result);
      console.log(`run ${run + 1} (${result.headFirst ? 'head' : 'base'} loaded first): first ${WARM_UP_ARTICLES} ${result.base[0].toFixed(0)} -> ${result.head[0].toFixed(0)} ms, the other ${articles - WARM_UP_ARTICLES} ${result.base[1].toFixed(0)} -> ${result.head[1].toFixed(0)} ms`);
    }
    // The first articles vary most from run to run: the spread says how far the mean can be trusted.
    const summary = (phase: 0 | 1): string => {
      const ratios = times.map((run) => run.head[phase] / run.base[phase]);
      const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
      return `${mean.toFixed(3)} (runs ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})`;
    };
    console.log(`head / base, mean of ${runs} runs: ${summary(0)} on the first ${WARM_UP_ARTICLES} articles, ${summary(1)} on the other ${articles - WARM_UP_ARTICLES}`);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: root, stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  }
}

/** The engine of the tree at `tree` as one CommonJS file exporting `analyze`. */
async function bundleEngine(tree: string, outfile: string): Promise<string> {
  await build({
    stdin: { contents: "export { analyze } from './server/src/engine';", resolveDir: tree, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function readSeeds(): string[] {
  const seedsDir = join(root, 'seeds');
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => readFileSync(join(seedsDir, file), 'utf8'));
}

function analyzerOf(bundle: string): Analyze {
  return (require(bundle) as { analyze: Analyze }).analyze;
}

function differingAnalyses(baseBundle: string, headBundle: string, texts: readonly string[]): number {
  const base = analyzerOf(baseBundle);
  const head = analyzerOf(headBundle);
  return texts.filter((text) => JSON.stringify(base(text)) !== JSON.stringify(head(text))).length;
}

function timeBoth(baseBundle: string, headBundle: string, corpus: readonly string[], headFirst: boolean): RunTimes {
  const head = headFirst ? analyzerOf(headBundle) : null;
  const base = analyzerOf(baseBundle);
  const engines: Record<'base' | 'head', Analyze> = { base, head: head ?? analyzerOf(headBundle) };
  const times: RunTimes = { base: [0, 0], head: [0, 0], headFirst };
  for (let at = 0; at < corpus.length; at += BATCH) {
    const batch = corpus.slice(at, at + BATCH);
    const phase = at < WARM_UP_ARTICLES ? 0 : 1;
    const headNow = (at / BATCH) % 2 === 0 ? headFirst : !headFirst;
    for (const name of headNow ? (['head', 'base'] as const) : (['base', 'head'] as const)) {
      const started = performance.now();
      for (const text of batch) engines[name](text);
      times[name][phase] += performance.now() - started;
    }
  }
  return times;
}
