import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { runAnalyze } from './cli/analyzeCommand';

const USAGE_ERROR = 2;

/** dist/cli.js sits beside the package's own package.json one folder up. */
function packageVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('article-lens')
    .description('Marks speakers, news outlets, attributions and quotes in plain-text news articles.')
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError('(run article-lens --help for usage)');
  program
    .command('analyze')
    .description('analyse articles: files, or folders (their .txt files)')
    .argument('<paths...>', 'article files or folders of .txt articles')
    .option('--json', 'print JSON for machines instead of the report')
    .action((paths: string[], options: { json?: boolean }) => {
      setExitCode(runAnalyze(paths, { json: options.json === true }, { stdout: process.stdout, stderr: process.stderr, env: process.env }));
    });
  return program;
}

/** Help and --version are successes; every other commander complaint is a usage error. */
function exitCodeFor(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  return USAGE_ERROR;
}

function main(): void {
  const program = buildProgram((code) => {
    process.exitCode = code;
  });
  try {
    program.parse(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = exitCodeFor(error);
  }
}

main();
