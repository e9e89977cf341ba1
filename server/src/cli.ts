import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../common/protocol';
import { runAnalyze } from './cli/analyzeCommand';
import { runExport } from './cli/exportCommand';
import { runImport } from './cli/importCommand';

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
  program
    .command('export')
    .description("export articles' speakers, outlets, attributions and quotes, the user's annotations (sidecar files) applied")
    .argument('<paths...>', 'article files or folders of .txt articles')
    .addOption(new Option('--format <format>', 'brat standoff, W3C Web Annotation JSON-LD or CSV').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <dir>', 'folder to write to (created when missing)')
    .action(async (paths: string[], options: { format: ExportFormat; out: string }) => {
      setExitCode(await runExport(paths, options, { stdout: process.stdout, stderr: process.stderr, env: process.env }));
    });
  program
    .command('import')
    .description("import brat .ann files as the user's annotations of the articles of the same names")
    .argument('<bratDir>', 'folder of .ann files with their .txt files')
    .option('--into <dir>', 'folder holding the articles (default: the brat folder)')
    .action(async (folder: string, options: { into?: string }) => {
      setExitCode(await runImport(folder, options, { stdout: process.stdout, stderr: process.stderr, env: process.env }));
    });
  return program;
}

/** Help and --version are successes; every other commander complaint is a usage error. */
function exitCodeFor(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  return USAGE_ERROR;
}

async function main(): Promise<void> {
  const program = buildProgram((code) => {
    process.exitCode = code;
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = exitCodeFor(error);
  }
}

void main();
