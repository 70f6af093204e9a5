// First: `clinalign lint` starts its lint worker before anything else loads (see earlyLintWorker.ts).
import './earlyLintWorker';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError } from './cliError';
import { classifyCommand } from './commands/classifyCommand';
import { lintCommand } from './commands/lintCommand';
import { listPrinciples, showPrinciple, validatePrinciples } from './commands/principlesCommand';
import { synthesizeCommand } from './commands/synthesizeCommand';
import { checkCommand } from './commands/checkCommand';
import { gradeCommand } from './commands/gradeCommand';
import { reviseCommand } from './commands/reviseCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { evalCommand } from './commands/evalCommand';
import { synthesizeQueriesCommand } from './commands/synthesizeQueriesCommand';
import { gradeBatchCommand } from './commands/gradeBatchCommand';
import { serveCommand, SERVE_CLI_DEFAULTS } from './commands/serveCommand';
import { STRUCTURED_OUTPUT_MODES } from '../core/model/endpointConfig';
import { GRADERS } from '../core/model/itemJudge';
import { guardTerminalOutput } from './terminalOutput';

declare const CLINALIGN_VERSION: string | undefined;
const version = typeof CLINALIGN_VERSION === 'string' ? CLINALIGN_VERSION : '0.0.0-dev';

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const principlesOption = () =>
  new Option('--principles <dir>', 'extra principle folder or file (repeatable)').argParser(collect).default([]);
const noBundledOption = () =>
  new Option('--no-bundled', 'use only .clinalign/principles and --principles, not the bundled library');
const graderOption = () =>
  new Option(
    '--grader <grader>',
    'judge protocol: clinalign (structured JSON) or healthbench (simple-evals grader, comparable with published HealthBench numbers)',
  )
    .choices([...GRADERS])
    .default('clinalign');
const formatOption = (choices: string[]) =>
  new Option('--format <format>', 'output format').choices(choices).default('text');

/**
 * Endpoint options of every model command; each falls back to CLINALIGN_* env vars, then .clinalign/config.yaml
 * (whose base URL is used only with --trust-endpoint: the repository chose it).
 */
function withModelOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (env CLINALIGN_BASE_URL)')
    .option('--model <name>', 'model for classifying, writing and revising (env CLINALIGN_MODEL)')
    .option('--judge-model <name>', 'model that grades rubric items (env CLINALIGN_JUDGE_MODEL; default: --model)')
    .option('--concurrency <n>', 'requests in flight at most (default 16)', positiveInteger)
    .option('--timeout <ms>', 'per-request timeout in milliseconds (default 60000)', positiveInteger)
    .addOption(
      new Option('--structured-output <mode>', 'how JSON is requested (default auto)').choices([
        ...STRUCTURED_OUTPUT_MODES,
      ]),
    )
    .option('--stream', 'receive replies as server-sent events')
    .option('--trust-endpoint', 'send to the base URL in .clinalign/config.yaml (chosen by the repository, not by you)')
    .option('--no-cache', 'do not read or write the judge cache in your cache folder (env CLINALIGN_CACHE_DIR)')
    .option('--verbose', 'log each request and retry to stderr');
}

/** Each command sets this; `main` exits with it once output is flushed. */
let exitCode = 0;

const program = new Command()
  .name('clinalign')
  .description('Lint answers to health questions against clinical principles (HealthPrinciples).')
  .version(version)
  .exitOverride()
  .showHelpAfterError();

program
  .command('lint')
  .description('lint *.case.md and *.md files (folders are searched recursively)')
  .argument('[paths...]', 'files or folders', [])
  .addOption(formatOption(['text', 'json', 'sarif']))
  .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
  .addOption(
    new Option(
      '--audience <audience>',
      'audience of cases without their own `audience:` (e.g. a folder of lay material)',
    ).choices(['layperson', 'clinician']),
  )
  .addOption(principlesOption())
  .addOption(noBundledOption())
  .action(async (paths: string[], options) => {
    exitCode = await lintCommand(paths, options, version);
  });

const principles = program.command('principles').description('list, validate and show principles');
principles
  .command('list')
  .description('list the principles in use (bundled + .clinalign/principles + --principles)')
  .addOption(formatOption(['text', 'json']))
  .addOption(principlesOption())
  .addOption(noBundledOption())
  .action((options) => {
    exitCode = listPrinciples(options);
  });
principles
  .command('validate')
  .description('check principle files: schema, ids, regexes, and that every example agrees with its detectors')
  .argument('[paths...]', 'principle folders or files to check as extra layers over the library in use', [])
  .addOption(principlesOption())
  .addOption(noBundledOption())
  .action((paths: string[], options) => {
    exitCode = validatePrinciples(paths, options);
  });
principles
  .command('show')
  .description('show one principle')
  .argument('<id>', 'principle id, e.g. universal.safe-abbreviations')
  .addOption(formatOption(['text', 'json']))
  .addOption(principlesOption())
  .addOption(noBundledOption())
  .action((id: string, options) => {
    exitCode = showPrinciple(id, options);
  });

program
  .command('classify')
  .description("classify a case's question on the four clinical dimensions (offline rules)")
  .argument('<file>', 'a *.case.md file')
  .addOption(formatOption(['text', 'json']))
  .action((file: string, options) => {
    exitCode = classifyCommand(file, options);
  });

const synthesize = program
  .command('synthesize')
  .description('synthesize a rubric for each case from the principle library (folders are searched recursively)')
  .argument('[paths...]', '*.case.md files or folders (or use --queries)')
  .option('--offline', 'build the rubric from principle templates, without a model')
  .option('--write', "write the rubric into each case's front matter (never over verified items)")
  .option(
    '--queries <file>',
    'questions, one per line (HealthBench record, {"question": …} or a string) instead of case files',
  )
  .option(
    '--out <file>',
    'with --queries: append one rubric record per question here; a re-run skips ids already there',
  )
  .option('--batch-out <file>', 'with --queries: write OpenAI Batch API requests instead of calling the model')
  .option('--batch-in <file>', 'with --queries and --out: read Batch API results back into rubric records')
  .addOption(formatOption(['text', 'json']))
  .addOption(principlesOption())
  .addOption(noBundledOption());
withModelOptions(synthesize).action(async (paths: string[], options) => {
  if (options.queries) exitCode = await synthesizeQueriesCommand(options);
  else if (options.out || options.batchOut || options.batchIn)
    throw new CliError('--out, --batch-out and --batch-in go with --queries FILE');
  else if (paths.length === 0) throw new CliError('give case files or folders, or --queries FILE');
  else exitCode = await synthesizeCommand(paths, options);
});

withModelOptions(
  program
    .command('grade')
    .description("grade each case's answer against its rubric with the judge model (HealthBench scoring)")
    .argument('<paths...>', '*.case.md files or folders')
    .option('--batch', 'judge all items of a case in one call instead of one call per item')
    .option('--batch-out <file>', 'write the judge requests as an OpenAI Batch API file instead of calling the model')
    .option('--batch-in <file>', 'score the cases from Batch API results of --batch-out')
    .addOption(graderOption())
    .addOption(formatOption(['text', 'json'])),
).action(async (paths: string[], options) => {
  // The Batch API files hold structured grade_item requests: the HealthBench grader's re-asking cannot run there.
  if ((options.batchOut || options.batchIn) && options.grader === 'healthbench')
    throw new CliError(
      '--grader healthbench asks again until the reply parses; it cannot run through --batch-out/--batch-in',
    );
  exitCode =
    options.batchOut || options.batchIn ? await gradeBatchCommand(paths, options) : await gradeCommand(paths, options);
});

withModelOptions(
  program
    .command('revise')
    .description("revise each case's answer with the model, guided by its unmet rubric items and principles")
    .argument('<paths...>', '*.case.md files or folders')
    .option('--rounds <n>', 'revision rounds at most, while the graded score improves (default 1)', positiveInteger, 1)
    .option('--write', 'replace the answer in the file and record both drafts in .clinalign/history/')
    .option(
      '--force',
      'with --write: also write a revision the safety gate refused (it drops safety content or adds a finding)',
    )
    .option('--batch', 'grade with one call per case instead of one per item')
    .addOption(formatOption(['text', 'json']))
    .addOption(principlesOption())
    .addOption(noBundledOption()),
).action(async (paths: string[], options) => {
  exitCode = await reviseCommand(paths, options);
});

withModelOptions(
  program
    .command('check')
    .description('find where each answer breaks the applicable principles, judged by the model, with exact quotes')
    .argument('<paths...>', '*.case.md files or folders')
    .addOption(formatOption(['text', 'json']))
    .addOption(principlesOption())
    .addOption(noBundledOption()),
).action(async (paths: string[], options) => {
  exitCode = await checkCommand(paths, options);
});

program
  .command('export')
  .description(
    'export verified cases as healthbench.jsonl, preferences.jsonl and rl.jsonl, with manifest.json and a dataset card',
  )
  .argument('<paths...>', '*.case.md files or folders')
  .requiredOption('--out <dir>', 'output folder (created if missing; only its own files are replaced)')
  .option(
    '--formats <list>',
    'comma-separated: healthbench, preferences, rl, verl (verl.parquet)',
    'healthbench,preferences,rl',
  )
  .option('--include-unverified', 'also export cases that are not verified (drafts, unverified items, no answer)')
  .option(
    '--judge-model <name>',
    'judge model to record in the manifest (default: env CLINALIGN_JUDGE_MODEL or .clinalign/config.yaml)',
  )
  .addOption(principlesOption())
  .addOption(noBundledOption())
  .action(async (paths: string[], options) => {
    exitCode = await exportCommand(paths, options, version);
  });

program
  .command('import')
  .description('turn a HealthBench JSONL file into draft case files, one per record')
  .argument('<file>', 'HealthBench-format JSONL')
  .requiredOption('--out <dir>', 'folder for the case files')
  .option('--force', 'overwrite case files that already exist')
  .action(async (file: string, options) => {
    exitCode = await importCommand(file, options);
  });

withModelOptions(
  program
    .command('eval')
    .description(
      'HealthBench-style evaluation: grade given or sampled answers to a HealthBench JSONL set with the judge model',
    )
    .requiredOption('--data <file>', 'HealthBench-format JSONL (prompt, rubrics, example_tags)')
    .option('--responses <file>', 'JSONL lines {"prompt_id": …, "response": …} to grade instead of sampling --model')
    .option('--judge <name>', 'judge model (same as --judge-model)')
    .addOption(graderOption())
    .addOption(new Option('--format <format>', 'report format').choices(['json', 'markdown', 'html']).default('json'))
    .option('--out <file>', 'write the report here instead of stdout'),
).action(async (options) => {
  exitCode = await evalCommand(options);
});

withModelOptions(
  program
    .command('serve')
    .description(
      'serve rubric rewards to RL trainers (OpenRLHF /get_reward, verl/TRL /score) and a self-revising /v1/chat/completions',
    )
    .option('--host <host>', 'address to listen on (a non-loopback one needs --token)', SERVE_CLI_DEFAULTS.host)
    .option('--port <n>', 'port (0 picks a free one)', nonNegativeInteger, 8765)
    .option(
      '--data <file>',
      'rl.jsonl (or HealthBench JSONL) whose prompt_ids the labels name (repeatable)',
      collect,
      [],
    )
    .option('--token <token>', 'require this token as Authorization: Bearer or ?token= (env CLINALIGN_SERVE_TOKEN)')
    .option('--positive-only', 'judge and score only positive rubric items')
    .option('--binary-threshold <score>', 'reward 1 at or above this score, else 0', Number)
    .addOption(graderOption())
    .option(
      '--deadline <ms>',
      'answer reward requests within this; unjudged items count as not met',
      positiveInteger,
      SERVE_CLI_DEFAULTS.deadline,
    )
    .option(
      '--rounds <n>',
      'revision rounds of /v1/chat/completions (per request: extra_body.clinalign.rounds)',
      nonNegativeInteger,
      1,
    )
    .addOption(
      new Option('--rubric <source>', 'rubric of /v1/chat/completions')
        .choices(['offline', 'model'])
        .default('offline'),
    )
    .option('--traces <file>', 'append a JSON line per proxied completion here', 'clinalign-traces.jsonl')
    .option('--no-traces', 'write no trace file')
    .option('--max-queue <n>', 'requests waiting at most before 429', nonNegativeInteger, SERVE_CLI_DEFAULTS.maxQueue)
    .addOption(principlesOption())
    .addOption(noBundledOption()),
).action(async (options) => {
  exitCode = await serveCommand(options, version);
});

async function main(argv: string[]): Promise<void> {
  // Files and model replies are untrusted: no control sequence of theirs reaches the terminal.
  guardTerminalOutput();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every parsing problem is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`clinalign: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`clinalign: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = exitCode;
}

void main(process.argv);
